import { decisionError } from './decision.reasons.js';
import type { DecisionState } from './decision.state.js';

export function existing(state: DecisionState, decisionId: string) {
  if (state.status === 'unknown') throw decisionError('DECISION_NOT_FOUND', `Decision ${decisionId} does not exist`);
  return state;
}
