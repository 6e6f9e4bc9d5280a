import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { suiteApi } from './support/suite-api.js';
import { ADMIN, as, COORDINATOR } from './support/auth.js';
import { mutateOk } from './support/operations.js';
import { launchProject, participatingCarer, peerMeeting } from './support/project.js';

const WINDOW = '{ from: "2025-01-01T00:00:00.000Z", to: "2025-07-01T00:00:00.000Z" }';
const QUERY = `query ($p: ID!, $at: String) {
  signals(scope: { projectId: $p }, window: ${WINDOW}, atLeastPosition: $at) {
    engagement { value suppressed carerCount breakdown { key numerator denominator suppressed } }
    partnershipCohesion { value suppressed }
  }
}`;

interface Answer {
  signals: {
    engagement: {
      value: number | null;
      suppressed: boolean;
      carerCount: number | null;
      breakdown: Array<{ key: string; numerator: number | null; suppressed: boolean }>;
    };
  };
}

/** Nobody who may not see individuals can single a carer out of an aggregate over a handful of them. */
describe('small groups', () => {
  const api = suiteApi('small-groups');
  const projectId = randomUUID();
  const researcher = as('researcher-7;researcher;org-university');
  let activityId = '';
  let last = '';

  const mutate = async (name: string, input: Record<string, unknown>, headers = COORDINATOR) => {
    const written = await mutateOk(api, name, input, headers);
    last = written.position;
    return written;
  };
  const read = async (headers: Record<string, string>) => {
    const answer = await api.graphql<Answer>(QUERY, { p: projectId, at: last }, headers);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };
  const attend = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const carerId = await participatingCarer(api, projectId, `Carer ${randomUUID().slice(0, 8)}`);
      await mutate('recordCarerAttendance', { activityId, carerId, occurredAt: '2025-03-04T17:00:00.000Z' });
    }
  };

  beforeAll(async () => {
    await mutate(
      'registerOrganisation',
      { organisationId: 'org-university', name: 'University', kind: 'university' },
      ADMIN,
    );
    await launchProject(api, projectId);
    await mutate('joinPartnership', { projectId, organisationId: 'org-university', partnerRole: 'research_partner' });
    activityId = (await mutate('scheduleActivity', peerMeeting(projectId))).id;
    await mutate('holdActivity', { activityId, startedAt: '2025-03-04T15:00:00.000Z', audioRecorded: false });
    await attend(3);
  });
  it('withholds figures over 3 carers from researchers and admins, not from the provider', async () => {
    const provider = await read(COORDINATOR);
    expect(provider.signals.engagement).toMatchObject({ suppressed: false, carerCount: 3 });
    for (const headers of [researcher, ADMIN]) {
      const seen = await read(headers);
      expect(seen.signals.engagement).toMatchObject({ value: null, suppressed: true });
      const attendance = seen.signals.engagement.breakdown.find((i) => i.key === 'attendancePerActivity')!;
      expect(attendance).toMatchObject({ numerator: null, suppressed: true });
      expect(JSON.stringify(seen)).not.toContain('"carerCount":3');
    }
  });

  it('shows them once 5 carers are behind the figures', async () => {
    await attend(2);
    const seen = await read(researcher);
    expect(seen.signals.engagement.breakdown.find((i) => i.key === 'attendancePerActivity')).toMatchObject({
      suppressed: false,
      numerator: expect.any(Number),
    });
  });
});
