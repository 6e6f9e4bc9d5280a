import { validContest } from '../../decision/contest.js';
import type { ContestActivityCancellation } from '../activity.commands.js';
import type { ActivityEvent } from '../activity.events.js';
import { existing } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

/** A cancellation is contested as a decision is (decision/contest.ts), and as often. */
export function contestActivityCancellation(
  command: ContestActivityCancellation,
  state: ActivityState,
): ActivityEvent[] {
  const data = command.data;
  const activity = existing(state, data.activityId);
  if (activity.status !== 'cancelled') {
    throw activityError('ACTIVITY_NOT_CANCELLED', `Activity ${activity.activityId} was not cancelled`);
  }
  const contest = validContest(data, () =>
    activityError('CARER_ID_WITHOUT_CARER_ROLE', 'Only a carer is identified by a carer id', {
      field: 'contestedByCarerId',
    }),
  );
  return [
    {
      type: 'ActivityCancellationContested',
      data: { activityId: activity.activityId, projectId: activity.projectId, ...contest },
    },
  ];
}
