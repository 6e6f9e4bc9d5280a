import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { suiteApi } from './support/suite-api.js';
import { ADMIN, COORDINATOR } from './support/auth.js';
import { DEV_ACTOR, heldCourseOf5March, carerRegisteredOn1February } from './support/project.js';
import { mutateOk } from './support/operations.js';

const PROVIDER = DEV_ACTOR;

const PROJECT_ID = randomUUID();
const TERRITORY = `valley-${randomUUID().slice(0, 8)}`;
const PROGRAMME = `programme-${randomUUID().slice(0, 8)}`;
const MARCH = { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' };

const INDICATOR = 'key value numerator denominator weight effectiveWeight included formula';
const SIGNAL = `key label value previousValue includedWeight note breakdown { ${INDICATOR} }`;
const REPORT = `
  scope { projectId territoryId } window { from to } asOf knownAt
  framework { id version name source }
  trust { ${SIGNAL} } engagement { ${SIGNAL} } partnershipCohesion { ${SIGNAL} } coCreationBalance { ${SIGNAL} }
  warnings { kind signal message value threshold code }`;
const SIGNALS = `query S($scope: SignalScopeInput!, $window: SignalWindowInput, $asOf: DateTime, $knownAt: DateTime,
    $framework: SignalFrameworkRefInput, $atLeastPosition: String) {
  signals(scope: $scope, window: $window, asOf: $asOf, knownAt: $knownAt, framework: $framework, atLeastPosition: $atLeastPosition) { ${REPORT} }
}`;

interface Indicator {
  key: string;
  value: number | null;
  numerator: number;
  denominator: number;
  weight: number;
  effectiveWeight: number;
  included: boolean;
  formula: string;
}
interface Signal {
  key: string;
  value: number | null;
  note: string;
  breakdown: Indicator[];
}
interface Report {
  framework: { id: string; version: number; source: string };
  window: { from: string; to: string };
  trust: Signal;
  engagement: Signal;
  partnershipCohesion: Signal;
  coCreationBalance: Signal;
  warnings: Array<{ kind: string; signal: string | null }>;
}

const indicator = (signal: Signal, key: string) => signal.breakdown.find((i) => i.key === key)!;

describe('signals over GraphQL', () => {
  const api = suiteApi('signals-e2e');
  let lastPosition = '';
  const carers = [randomUUID(), randomUUID(), randomUUID()];

  async function mutate(name: string, input: Record<string, unknown>, actor = PROVIDER) {
    const written = await mutateOk(api, name, input, actor);
    lastPosition = written.position;
    return written;
  }

  async function signals(variables: Record<string, unknown>) {
    return api.graphql<{ signals: Report }>(SIGNALS, variables);
  }

  beforeAll(async () => {
    await mutate('launchProject', {
      projectId: PROJECT_ID,
      territoryId: TERRITORY,
      name: 'Signals pilot',
      eligibleCarers: 20,
      pilotMonths: 12,
      startsOn: '2025-01-01',
      targets: {
        reachShare: 0.25,
        trainingCoursesPerMonth: 1,
        peerMeetingsPerMonth: 1,
        committeeEveryMonths: 4,
        satisfactionThreshold: 0.75,
        understandingThreshold: 0.75,
      },
      occurredAt: '2025-01-01T09:00:00.000Z',
    });
    const channels = ['word_of_mouth', 'provider', 'provider'];
    for (const [index, carerId] of carers.entries()) {
      await mutate('registerCarer', carerRegisteredOn1February(PROJECT_ID, carerId, index + 1));
      const invitation = await mutate('inviteCarer', {
        carerId,
        channel: channels[index],
        invitedByOrganisationId: 'org-home-care',
        occurredAt: '2025-02-10T09:00:00.000Z',
      });
      const answer = { carerId, invitationId: invitation.id, occurredAt: `2025-03-0${index + 2}T09:00:00.000Z` };
      if (index < 2) await mutate('acceptCarerInvitation', answer);
      else await mutate('declineCarerInvitation', { ...answer, reason: 'mistrust' });
    }
    const courseId = await heldCourseOf5March(mutate, PROJECT_ID);
    for (const carerId of carers.slice(0, 2)) {
      await mutate('recordCarerAttendance', {
        activityId: courseId,
        carerId,
        occurredAt: '2025-03-05T17:00:00.000Z',
      });
    }
  });

  it('returns the signals of a project with their breakdown, reading its own writes', async () => {
    const response = await signals({ scope: { projectId: PROJECT_ID }, window: MARCH, atLeastPosition: lastPosition });
    expect(response.errors).toBeUndefined();
    const report = response.data!.signals;
    expect(report.framework).toMatchObject({ id: 'default', version: 1, source: 'DEFAULT' });
    expect(report.window).toEqual(MARCH);

    const trust = report.trust;
    // 2 accepted of 3 answers; the 1 decline cites mistrust; both attending carers came once; 1 of 2 by word of mouth.
    expect(indicator(trust, 'invitationAcceptance')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(indicator(trust, 'declinesNotMistrust')).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(indicator(trust, 'retention')).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(indicator(trust, 'wordOfMouth')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    // No trust barrier: left out, and the note says so.
    expect(indicator(trust, 'trustBarriersResolved')).toMatchObject({
      value: null,
      included: false,
      effectiveWeight: 0,
    });
    expect(trust.note).toContain('trustBarriersResolved');
    // (1 × 2/3 + 1 × 0 + 1 × 0 + 0.5 × 0.5) / 3.5
    expect(trust.value).toBeCloseTo((2 / 3 + 0.25) / 3.5, 10);

    const engagement = report.engagement;
    // 2 distinct carers / (20 eligible × 0.25) = 2 / 5.
    expect(indicator(engagement, 'reach')).toMatchObject({ numerator: 2, denominator: 5, value: 0.4 });
    // 2 attendances / (1 held course × norm 8).
    expect(indicator(engagement, 'attendancePerActivity')).toMatchObject({ numerator: 2, denominator: 8 });
    expect(indicator(engagement, 'delivery')).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    // Expected in March: 1 course + 1 peer meeting + 1/4 committee; held 1 course.
    expect(indicator(engagement, 'cadence')).toMatchObject({ numerator: 1, denominator: 2.25 });
    expect(indicator(engagement, 'satisfaction')).toMatchObject({ value: null, included: false });
    expect(indicator(engagement, 'reach').formula).toContain('eligible carers');

    expect(report.warnings).toContainEqual(expect.objectContaining({ kind: 'BELOW_THRESHOLD', signal: 'trust' }));
  });

  it('travels in time: before the answers occurred nothing was accepted', async () => {
    const response = await signals({
      scope: { projectId: PROJECT_ID },
      window: MARCH,
      asOf: '2025-03-02T12:00:00.000Z',
    });
    expect(response.errors).toBeUndefined();
    expect(indicator(response.data!.signals.trust, 'invitationAcceptance')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    const known = await signals({
      scope: { projectId: PROJECT_ID },
      window: MARCH,
      knownAt: '2020-01-01T00:00:00.000Z',
    });
    expect(indicator(known.data!.signals.trust, 'invitationAcceptance')).toMatchObject({ denominator: 0, value: null });
  });

  it('refuses a bad window, a bad scope and an unknown project with typed errors', async () => {
    const backwards = await signals({ scope: { projectId: PROJECT_ID }, window: { from: MARCH.to, to: MARCH.from } });
    expect(backwards.data?.signals ?? null).toBeNull();
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WINDOW' });
    const empty = await signals({ scope: { projectId: PROJECT_ID }, window: { from: MARCH.from, to: MARCH.from } });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WINDOW' });
    const both = await signals({ scope: { projectId: PROJECT_ID, territoryId: TERRITORY }, window: MARCH });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCOPE' });
    const unknown = await signals({ scope: { projectId: randomUUID() }, window: MARCH });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROJECT_NOT_FOUND' });
    const token = await signals({ scope: { projectId: PROJECT_ID }, atLeastPosition: 'soon' });
    expect(token.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_POSITION' });
  });

  it('refuses time travel into the future with a typed error naming the argument', async () => {
    const future = await signals({ scope: { projectId: PROJECT_ID }, asOf: '2100-01-01T00:00:00.000Z' });
    expect(future.data?.signals ?? null).toBeNull();
    expect(future.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'IN_THE_FUTURE',
      details: { field: 'asOf' },
    });
    const windowEnd = new Date(Date.now() + 400 * 86_400_000).toISOString();
    const farWindow = await signals({ scope: { projectId: PROJECT_ID }, window: { from: MARCH.from, to: windowEnd } });
    expect(farWindow.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'IN_THE_FUTURE',
      details: { field: 'window.to' },
    });
    const series = await api.graphql(
      `query ($scope: SignalScopeInput!, $to: DateTime!) {
        signalSeries(scope: $scope, from: "2024-01-01T00:00:00.000Z", to: $to, granularity: MONTH) { periods { window { from } } }
      }`,
      { scope: { projectId: PROJECT_ID }, to: windowEnd },
    );
    expect(series.errors?.[0]?.extensions).toMatchObject({ reason: 'IN_THE_FUTURE', details: { field: 'to' } });
  });

  it('serves a monthly series', async () => {
    const response = await api.graphql<{
      signalSeries: { periods: Array<{ window: { from: string }; trust: Signal }> };
    }>(
      `query { signalSeries(scope: { projectId: "${PROJECT_ID}" }, from: "2025-02-01T00:00:00Z", to: "2025-04-01T00:00:00Z",
          granularity: MONTH) { periods { window { from } trust { ${SIGNAL} } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const periods = response.data!.signalSeries.periods;
    expect(periods.map((p) => p.window.from)).toEqual(['2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z']);
    expect(periods[0]!.trust.value).toBeNull();
    expect(indicator(periods[1]!.trust, 'invitationAcceptance')).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('registers a framework (admin only, validated), uses it once the territory adopts it, and compares', async () => {
    const REGISTER = `mutation R($input: RegisterSignalFrameworkInput!) {
      registerSignalFramework(input: $input) { created framework { id version name registeredBy definition } }
    }`;
    const defaults = await api.graphql<{ signalFramework: { definition: Record<string, unknown> } }>(
      '{ signalFramework(id: "default", version: 1) { definition } }',
    );
    const base = defaults.data!.signalFramework.definition as {
      signals: Record<string, unknown>;
      [key: string]: unknown;
    };
    const definition = {
      ...base,
      name: 'Valley trust first',
      signals: {
        ...base.signals,
        trust: {
          indicators: [{ key: 'invitationAcceptance', weight: 1 }],
          warnBelow: null,
          warnDropBy: null,
        },
      },
    };
    const frameworkId = `valley-${randomUUID().slice(0, 8)}`;
    const input = { frameworkId, version: 1, definition };

    const notAdmin = await api.graphql(REGISTER, { input }, COORDINATOR);
    expect(notAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const invalid = await api.graphql(
      REGISTER,
      { input: { ...input, definition: { ...definition, defaultWindowMonths: -1, signals: {} } } },
      ADMIN,
    );
    expect(invalid.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SIGNAL_FRAMEWORK',
    });
    expect(invalid.errors?.[0]?.message).toContain('defaultWindowMonths');
    expect(invalid.errors?.[0]?.message).toContain('signals.trust');
    const notObject = await api.graphql(REGISTER, { input: { ...input, definition: [1, 2] } }, ADMIN);
    expect(notObject.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    const registered = await api.graphql<{
      registerSignalFramework: { created: boolean; framework: { id: string; registeredBy: string } };
    }>(REGISTER, { input }, ADMIN);
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerSignalFramework).toMatchObject({
      created: true,
      framework: { id: frameworkId, registeredBy: 'admin-1' },
    });
    const changed = await api.graphql(
      REGISTER,
      { input: { ...input, definition: { ...definition, name: 'Something else' } } },
      ADMIN,
    );
    expect(changed.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SIGNAL_FRAMEWORK_VERSION_EXISTS',
    });

    await mutate('launchProgramme', { programmeId: PROGRAMME, name: 'Carers programme' });
    await mutate('addTerritory', {
      programmeId: PROGRAMME,
      territoryId: TERRITORY,
      name: 'Valley',
      localGovernance: 'committee of mayors',
      serviceVariant: 'training and peer meetings',
    });
    await mutate('adoptTerritorySignalFramework', {
      programmeId: PROGRAMME,
      territoryId: TERRITORY,
      frameworkId,
      version: 1,
    });

    const adopted = await signals({ scope: { projectId: PROJECT_ID }, window: MARCH, atLeastPosition: lastPosition });
    expect(adopted.errors).toBeUndefined();
    expect(adopted.data!.signals.framework).toMatchObject({ id: frameworkId, version: 1, source: 'TERRITORY_ADOPTED' });
    // Trust is now the acceptance rate alone: 2 / 3.
    expect(adopted.data!.signals.trust.value).toBeCloseTo(2 / 3, 10);
    const territory = await signals({ scope: { territoryId: TERRITORY }, window: MARCH });
    expect(territory.data!.signals.framework.source).toBe('TERRITORY_ADOPTED');
    expect(indicator(territory.data!.signals.engagement, 'reach')).toMatchObject({ numerator: 2, denominator: 5 });

    const compared = await api.graphql<{
      compareSignals: {
        left: { framework: { id: string } };
        right: { framework: { id: string } };
        differences: Array<{ signal: string; left: number; right: number; delta: number }>;
      };
    }>(
      `query C($scope: SignalScopeInput!, $window: SignalWindowInput, $left: SignalFrameworkRefInput!, $right: SignalFrameworkRefInput!) {
        compareSignals(scope: $scope, window: $window, left: $left, right: $right) {
          left { framework { id } } right { framework { id } } differences { signal left right delta }
        }
      }`,
      {
        scope: { projectId: PROJECT_ID },
        window: MARCH,
        left: { id: 'default', version: 1 },
        right: { id: frameworkId, version: 1 },
      },
    );
    expect(compared.errors).toBeUndefined();
    const trustDifference = compared.data!.compareSignals.differences.find((d) => d.signal === 'trust')!;
    expect(trustDifference.left).toBeCloseTo((2 / 3 + 0.25) / 3.5, 10);
    expect(trustDifference.right).toBeCloseTo(2 / 3, 10);
    expect(compared.data!.compareSignals.differences.find((d) => d.signal === 'engagement')!.delta).toBe(0);
  });
});
