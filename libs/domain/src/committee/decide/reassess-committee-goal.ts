import { requireOneOf, requireText } from '../../shared/guards.js';
import type { ReassessCommitteeGoal } from '../committee.commands.js';
import { COMMITTEE_GOAL_OUTCOMES, type CommitteeEvent } from '../committee.events.js';
import { existingGoal, optionalNote } from '../committee.guards.js';
import { committeeError } from '../committee.reasons.js';
import type { CommitteeState } from '../committee.state.js';

export function reassessCommitteeGoal(command: ReassessCommitteeGoal, state: CommitteeState): CommitteeEvent[] {
  const { projectId, goalId } = command.data;
  const goal = existingGoal(state, goalId);
  if (goal.outcome === null) {
    throw committeeError('GOAL_NOT_ASSESSED', `Committee goal ${goalId} has no assessment to revise`, { goalId });
  }
  return [
    {
      type: 'CommitteeGoalReassessed',
      data: {
        projectId,
        goalId,
        previousOutcome: goal.outcome,
        outcome: requireOneOf('outcome', command.data.outcome, COMMITTEE_GOAL_OUTCOMES),
        note: optionalNote(command.data.note),
        reason: requireText('reason', command.data.reason),
      },
    },
  ];
}
