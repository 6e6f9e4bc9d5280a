import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { suiteApi } from './support/suite-api.js';
import { ADMIN, as, bearer, COORDINATOR } from './support/auth.js';
import { mutateOk } from './support/operations.js';
import { launchProject, participatingCarer, peerMeeting } from './support/project.js';

const NAME = 'Ottavia Brambilla-Sondrio';
const PHONE = '+39 0342 555 0177';

interface CarerView {
  pseudonym: string;
  erased: boolean;
  hasPersonalData: boolean;
  personalData: { fullName: string; phone: string | null } | null;
  erasure: { erasedBy: string; reason: string; erasedAt: string } | null;
}

const CARER = `query ($id: ID!) { carer(id: $id) {
  pseudonym erased hasPersonalData personalData { fullName phone } erasure { erasedBy reason erasedAt } } }`;
const SIGNALS = `query ($p: ID!) { signals(scope: { projectId: $p }, window: { from: "2025-01-01T00:00:00.000Z", to: "2025-07-01T00:00:00.000Z" }) {
  trust { value } engagement { value breakdown { key numerator denominator } } partnershipCohesion { value } } }`;
const REPORT = `query ($p: ID!) { assessmentReport(projectId: $p) { __typename } }`;

/**
 * The right to erasure end to end: before, after, and after every projection is rebuilt from the
 * log (the event that carried the name is still there, sealed with a key that no longer exists).
 */
describe('erasing a carer', () => {
  const api = suiteApi('erasure-e2e');
  const projectId = randomUUID();
  let carerId = '';
  let before: { signals: unknown; report: unknown } = { signals: null, report: null };

  const mutate = (name: string, input: Record<string, unknown>, headers = COORDINATOR) =>
    mutateOk(api, name, input, headers);
  const carer = async (headers: Record<string, string>) => {
    const answer = await api.graphql<{ carer: CarerView }>(CARER, { id: carerId }, headers);
    expect(answer.errors).toBeUndefined();
    return answer.data!.carer;
  };
  const aggregates = async () => {
    const signals = await api.graphql(SIGNALS, { p: projectId }, COORDINATOR);
    const report = await api.graphql(REPORT, { p: projectId }, COORDINATOR);
    expect(signals.errors).toBeUndefined();
    expect(report.errors).toBeUndefined();
    return { signals: signals.data, report: report.data };
  };
  const waitForRebuilds = async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await api.graphql<{
        projections: Array<{
          name: string;
          generation: number;
          state: string;
          lagEvents: number | null;
          rebuild: unknown;
        }>;
      }>('{ projections { name generation state lagEvents rebuild { generation } } }', {}, ADMIN);
      const all = answer.data!.projections;
      if (all.every((p) => p.generation >= 2 && p.rebuild === null && p.state === 'running' && p.lagEvents === 0))
        return;
      if (Date.now() > deadline) throw new Error(`rebuilds did not finish: ${JSON.stringify(all)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    await launchProject(api, projectId);
    const registered = await mutate('registerCarer', {
      projectId,
      pseudonym: 'Carer 12',
      registeredByOrganisationId: 'org-home-care',
      gender: 'female',
      ageBand: 'aged_65_74',
      stressLevel: 'high',
      relationship: 'spouse',
      personalData: { fullName: NAME, phone: PHONE },
    });
    carerId = registered.id;
    const invitation = await mutate('inviteCarer', {
      carerId,
      channel: 'provider',
      invitedByOrganisationId: 'org-home-care',
    });
    await mutate('acceptCarerInvitation', { carerId, invitationId: invitation.id });
    const others = [];
    for (let i = 0; i < 5; i++) others.push(await participatingCarer(api, projectId, `Carer ${i + 20}`));
    const activity = await mutate('scheduleActivity', peerMeeting(projectId));
    await mutate('holdActivity', {
      activityId: activity.id,
      startedAt: '2025-03-04T15:00:00.000Z',
      audioRecorded: false,
    });
    for (const attendee of [carerId, ...others.slice(0, 3)])
      await mutate('recordCarerAttendance', { activityId: activity.id, carerId: attendee });
  });
  it('before: the registering provider and the carer read the name; signals and report compute', async () => {
    // Reads wait for the read models through a later write's position being projected.
    const deadline = Date.now() + 15_000;
    while ((await carer(COORDINATOR).catch(() => null))?.personalData?.fullName !== NAME) {
      if (Date.now() > deadline) throw new Error('the carer never appeared');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await carer(COORDINATOR)).toMatchObject({
      erased: false,
      personalData: { fullName: NAME, phone: PHONE },
      erasure: null,
    });
    expect((await carer(bearer({ id: carerId, role: 'carer' }))).personalData?.fullName).toBe(NAME);
    expect((await carer(as('researcher-7;researcher;org-home-care'))).personalData).toBeNull();
    before = await aggregates();
    expect(JSON.stringify(before.signals)).toContain('engagement');
  });

  it('only an admin may erase; the erasure records who, when and why', async () => {
    const refused = await api.graphql(
      `mutation ($input: EraseCarerInput!) { eraseCarer(input: $input) { id } }`,
      { input: { carerId, reason: 'request of the carer' } },
      COORDINATOR,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const erased = await mutate('eraseCarer', { carerId, reason: 'request of the carer' }, ADMIN);
    const deadline = Date.now() + 15_000;
    while (!(await carer(ADMIN)).erased) {
      if (Date.now() > deadline) throw new Error('the erasure never reached the read models');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const asAdmin = await carer(ADMIN);
    expect(asAdmin).toMatchObject({ erased: true, hasPersonalData: false, personalData: null });
    expect(asAdmin.erasure).toMatchObject({ erasedBy: 'admin-1', reason: 'request of the carer' });
    expect(Date.parse(asAdmin.erasure!.erasedAt)).toBeLessThanOrEqual(Date.now());
    const audit = await api.graphql<{
      auditTrail: { edges: Array<{ node: { eventType: string; actorId: string; actorRole: string } }> };
    }>(
      `query ($at: String) { auditTrail(filter: { eventType: "CarerPersonalDataErased" }, atLeastPosition: $at) {
        edges { node { eventType actorId actorRole } } } }`,
      { at: erased.position },
      ADMIN,
    );
    expect(audit.data?.auditTrail.edges.map((e) => e.node)).toEqual([
      { eventType: 'CarerPersonalDataErased', actorId: 'admin-1', actorRole: 'admin' },
    ]);
  });

  it('after: nobody reads the name any more, not even the registering provider; signals and report still compute', async () => {
    for (const headers of [COORDINATOR, bearer({ id: carerId, role: 'carer' }), ADMIN]) {
      expect(await carer(headers)).toMatchObject({ pseudonym: 'Carer 12', erased: true, personalData: null });
    }
    expect((await carer(COORDINATOR)).erasure).toBeNull();
    expect(await aggregates()).toEqual(before);
  });

  it('after every projection is rebuilt from the log: still erased, the same signals and report', async () => {
    const names = (
      await api.graphql<{ projections: Array<{ name: string }> }>('{ projections { name } }', {}, ADMIN)
    ).data!.projections.map((p) => p.name);
    for (const name of names) {
      const started = await api.graphql(
        `mutation ($n: String!) { rebuildProjection(name: $n) { name } }`,
        { n: name },
        ADMIN,
      );
      expect(started.errors).toBeUndefined();
    }
    await waitForRebuilds();
    expect(await carer(COORDINATOR)).toMatchObject({ erased: true, hasPersonalData: false, personalData: null });
    expect(await aggregates()).toEqual(before);
    const everything = await api.graphql(
      `query ($p: ID!) { project(id: $p) { carers(first: 50) { edges { node { pseudonym erased personalData { fullName } } } } } }`,
      { p: projectId },
      COORDINATOR,
    );
    expect(JSON.stringify(everything)).not.toContain('Brambilla');
    expect(JSON.stringify(everything)).toContain('"erased":true');
  });
});
