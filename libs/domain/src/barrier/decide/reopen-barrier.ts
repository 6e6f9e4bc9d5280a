import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import type { ReopenBarrier } from '../barrier.commands.js';
import type { BarrierEvent } from '../barrier.events.js';
import { existing, inOrder } from '../barrier.guards.js';
import { barrierError } from '../barrier.reasons.js';
import type { BarrierState } from '../barrier.state.js';

export function reopenBarrier(command: ReopenBarrier, state: BarrierState, context: DecisionContext): BarrierEvent[] {
  const barrierId = command.data.barrierId;
  const barrier = existing(state, barrierId);
  if (barrier.status !== 'resolved') {
    throw barrierError('BARRIER_NOT_RESOLVED', `Barrier ${barrierId} is still open`);
  }
  return [
    {
      type: 'BarrierReopened',
      data: {
        barrierId,
        projectId: barrier.projectId,
        reason: requireText('reason', command.data.reason, 2000),
        reopenedAt: inOrder(barrier.lastAt, context),
      },
    },
  ];
}
