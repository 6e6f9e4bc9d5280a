import { requireText } from '../shared/guards.js';
import { committeeError } from './committee.reasons.js';
import type { CommitteeState } from './committee.state.js';

export const optionalNote = (note: string | null) => (note === null ? null : requireText('note', note, 2000));

// Own keys only: a goal id such as "constructor" must not find an inherited property.
export const goalOf = (state: CommitteeState, goalId: string) =>
  Object.hasOwn(state.goals, goalId) ? state.goals[goalId] : undefined;

export function existingGoal(state: CommitteeState, goalId: string) {
  const goal = goalOf(state, goalId);
  if (!goal) throw committeeError('GOAL_NOT_FOUND', `Committee goal ${goalId} was never defined`, { goalId });
  return goal;
}
