import type { DecisionContext } from '../shared/decider.js';
import { barrierError } from './barrier.reasons.js';
import type { BarrierState } from './barrier.state.js';

export function existing(state: BarrierState, barrierId: string) {
  if (state.status === 'unknown') throw barrierError('BARRIER_NOT_FOUND', `Barrier ${barrierId} was never observed`);
  return state;
}

/** Adjustments, resolutions and reopenings only make sense in the order they happened. */
export function inOrder(lastAt: string, context: DecisionContext): string {
  if (context.occurredAt.getTime() < Date.parse(lastAt)) {
    throw barrierError('OUT_OF_ORDER', `This barrier already has a fact dated ${lastAt}`, { lastAt });
  }
  return context.occurredAt.toISOString();
}
