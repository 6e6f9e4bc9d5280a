import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import type { ResolveBarrier } from '../barrier.commands.js';
import type { BarrierEvent } from '../barrier.events.js';
import { existing, inOrder } from '../barrier.guards.js';
import { barrierError } from '../barrier.reasons.js';
import type { BarrierState } from '../barrier.state.js';

export function resolveBarrier(command: ResolveBarrier, state: BarrierState, context: DecisionContext): BarrierEvent[] {
  const barrierId = command.data.barrierId;
  const barrier = existing(state, barrierId);
  if (barrier.status !== 'open') throw barrierError('BARRIER_NOT_OPEN', `Barrier ${barrierId} is already resolved`);
  return [
    {
      type: 'BarrierResolved',
      data: {
        barrierId,
        projectId: barrier.projectId,
        resolution: requireText('resolution', command.data.resolution, 2000),
        resolvedAt: inOrder(barrier.lastAt, context),
      },
    },
  ];
}
