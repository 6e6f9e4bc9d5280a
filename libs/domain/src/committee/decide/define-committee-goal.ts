import { requireText } from '../../shared/guards.js';
import type { DefineCommitteeGoal } from '../committee.commands.js';
import type { CommitteeEvent } from '../committee.events.js';
import { goalOf } from '../committee.guards.js';
import { committeeError } from '../committee.reasons.js';
import type { CommitteeState } from '../committee.state.js';

export function defineCommitteeGoal(command: DefineCommitteeGoal, state: CommitteeState): CommitteeEvent[] {
  const { projectId } = command.data;
  const goalId = requireText('goalId', command.data.goalId, 100);
  if (goalOf(state, goalId)) {
    throw committeeError('GOAL_ALREADY_DEFINED', `Committee goal ${goalId} already exists`, { goalId });
  }
  return [
    {
      type: 'CommitteeGoalDefined',
      data: { projectId, goalId, description: requireText('description', command.data.description) },
    },
  ];
}
