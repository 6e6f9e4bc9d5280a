import { requireOneOf, requireText } from '../../shared/guards.js';
import { requirePseudonymousRef } from '../../evidence/pseudonym.js';
import { DECISION_CONTESTER_ROLES } from '../../decision/decision.events.js';
import type { ContestActivityCancellation } from '../activity.commands.js';
import type { ActivityEvent } from '../activity.events.js';
import { existing } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

/** A cancellation is contested like a decision (decide/contest-decision.ts): by role, a carer only by pseudonym. */
export function contestActivityCancellation(
  command: ContestActivityCancellation,
  state: ActivityState,
): ActivityEvent[] {
  const data = command.data;
  const activity = existing(state, data.activityId);
  if (activity.status !== 'cancelled') {
    throw activityError('ACTIVITY_NOT_CANCELLED', `Activity ${activity.activityId} was not cancelled`);
  }
  const contestedByRole = requireOneOf('contestedByRole', data.contestedByRole, DECISION_CONTESTER_ROLES);
  if (data.contestedByCarerId !== null && contestedByRole !== 'carer') {
    throw activityError('CARER_ID_WITHOUT_CARER_ROLE', 'Only a carer is identified by a carer id', {
      field: 'contestedByCarerId',
    });
  }
  return [
    {
      type: 'ActivityCancellationContested',
      data: {
        activityId: activity.activityId,
        projectId: activity.projectId,
        contestedByRole,
        contestedByCarerId:
          data.contestedByCarerId === null
            ? null
            : requirePseudonymousRef('contestedByCarerId', data.contestedByCarerId),
        grounds: requireText('grounds', data.grounds, 2000),
      },
    },
  ];
}
