import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { mutateOk } from './support/operations.js';
import { DEV_ACTOR, launchProject, peerMeeting, trainingCourse } from './support/project.js';
import { suiteApi } from './support/suite-api.js';

const DECISION = `query Q($id: ID!, $at: String) {
  decision(id: $id, atLeastPosition: $at) { activityIds activityId activities { id } activity { id } }
}`;
const DECISIONS_OF = `query Q($id: ID!, $at: String) {
  activity(id: $id, atLeastPosition: $at) { decisions { id } }
}`;
const TAKE = 'mutation M($input: TakeDecisionInput!) { takeDecision(input: $input) { id } }';

/** A decision that covers several activities, over GraphQL; the deprecated `activityId` still works. */
describe('decisions covering several activities', () => {
  const projectId = randomUUID();
  const ids: { course: string; meeting: string } = { course: '', meeting: '' };
  const api = suiteApi('decision-activities-e2e', {
    setUp: async (api) => {
      await launchProject(api, projectId);
      ids.course = (await mutateOk(api, 'scheduleActivity', trainingCourse(projectId), DEV_ACTOR)).id;
      ids.meeting = (await mutateOk(api, 'scheduleActivity', peerMeeting(projectId), DEV_ACTOR)).id;
    },
  });

  const decision = (extra: Record<string, unknown>) => ({
    projectId,
    description: 'Move the March sessions online',
    decidedByRole: 'committee',
    affectsCarers: true,
    carersConsulted: true,
    ...extra,
  });
  const read = async (id: string, at: string) =>
    (await api.graphql<{ decision: Record<string, unknown> }>(DECISION, { id, at }, DEV_ACTOR)).data!.decision;
  const decisionsOf = async (activityId: string, at: string) =>
    (
      await api.graphql<{ activity: { decisions: { id: string }[] } }>(DECISIONS_OF, { id: activityId, at }, DEV_ACTOR)
    ).data!.activity.decisions.map((d) => d.id);

  it('lists every activity a decision covers, and each activity finds it', async () => {
    const both = await mutateOk(api, 'takeDecision', decision({ activityIds: [ids.meeting, ids.course] }), DEV_ACTOR);
    expect(await read(both.id, both.position)).toEqual({
      activityIds: [ids.meeting, ids.course],
      activityId: ids.meeting,
      activities: [{ id: ids.meeting }, { id: ids.course }],
      activity: { id: ids.meeting },
    });
    expect(await decisionsOf(ids.course, both.position)).toEqual([both.id]);
    expect(await decisionsOf(ids.meeting, both.position)).toEqual([both.id]);

    const none = await mutateOk(api, 'takeDecision', decision({}), DEV_ACTOR);
    expect(await read(none.id, none.position)).toEqual({
      activityIds: [],
      activityId: null,
      activities: [],
      activity: null,
    });
  });

  it('reads the deprecated activityId as a list of one', async () => {
    const one = await mutateOk(api, 'takeDecision', decision({ activityId: ids.course }), DEV_ACTOR);
    expect(await read(one.id, one.position)).toMatchObject({ activityIds: [ids.course], activityId: ids.course });
    expect(await decisionsOf(ids.course, one.position)).toContain(one.id);
  });

  it.each([
    [
      'both activityIds and activityId',
      () => ({ activityIds: [ids.course], activityId: ids.meeting }),
      'ACTIVITY_ID_WITH_ACTIVITY_IDS',
    ],
    ['an activity listed twice', () => ({ activityIds: [ids.course, ids.meeting, ids.course] }), 'DUPLICATE_ACTIVITY'],
  ])('refuses %s, with its reason', async (_title, activities, reason) => {
    const refused = await api.graphql(TAKE, { input: decision(activities()) }, DEV_ACTOR);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });
});
