import { requireOneOf } from '../../shared/guards.js';
import type { AssessCommitteeGoal } from '../committee.commands.js';
import { COMMITTEE_GOAL_OUTCOMES, type CommitteeEvent } from '../committee.events.js';
import { existingGoal, optionalNote } from '../committee.guards.js';
import { committeeError } from '../committee.reasons.js';
import type { CommitteeState } from '../committee.state.js';

export function assessCommitteeGoal(command: AssessCommitteeGoal, state: CommitteeState): CommitteeEvent[] {
  const { projectId, goalId } = command.data;
  const goal = existingGoal(state, goalId);
  // A changed judgement is a distinct fact (ReassessCommitteeGoal) so the first one is never overwritten.
  if (goal.outcome !== null) {
    throw committeeError('GOAL_ALREADY_ASSESSED', `Committee goal ${goalId} was already assessed`, { goalId });
  }
  return [
    {
      type: 'CommitteeGoalAssessed',
      data: {
        projectId,
        goalId,
        outcome: requireOneOf('outcome', command.data.outcome, COMMITTEE_GOAL_OUTCOMES),
        note: optionalNote(command.data.note),
      },
    },
  ];
}
