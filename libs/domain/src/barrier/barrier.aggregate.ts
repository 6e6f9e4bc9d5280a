import type { AggregateDefinition } from '../shared/aggregate.js';
import type { BarrierCommand } from './barrier.commands.js';
import { barrierDecider, barrierStreamId, type BarrierState } from './barrier.decider.js';
import type { BarrierEvent } from './barrier.events.js';

export const barrierAggregate: AggregateDefinition<BarrierCommand, BarrierEvent, BarrierState> = {
  name: 'Barrier',
  decider: barrierDecider,
  commandTypes: ['ObserveBarrier', 'TakeAdjustmentAction', 'ResolveBarrier', 'ReopenBarrier'],
  streamId: (command) => barrierStreamId(command.data.barrierId),
};
