import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import type { BarrierCommand } from './barrier.commands.js';
import type { BarrierEvent } from './barrier.events.js';
import type { BarrierState } from './barrier.state.js';
import { observeBarrier } from './decide/observe-barrier.js';
import { reopenBarrier } from './decide/reopen-barrier.js';
import { resolveBarrier } from './decide/resolve-barrier.js';
import { takeAdjustmentAction } from './decide/take-adjustment-action.js';

export type { BarrierState } from './barrier.state.js';

export const barrierStreamId = (barrierId: string) => `barrier-${barrierId}`;

export const barrierDecider: Decider<BarrierCommand, BarrierEvent, BarrierState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'ObserveBarrier':
        return observeBarrier(command, state, context);
      case 'TakeAdjustmentAction':
        return takeAdjustmentAction(command, state, context);
      case 'ResolveBarrier':
        return resolveBarrier(command, state, context);
      case 'ReopenBarrier':
        return reopenBarrier(command, state, context);
    }
  },

  evolve(state, event) {
    if (event.type === 'BarrierObserved') {
      return { status: 'open', projectId: event.data.projectId, lastAt: event.data.observedAt, actionIds: [] };
    }
    if (state.status === 'unknown') return state;
    switch (event.type) {
      case 'AdjustmentActionTaken':
        return { ...state, lastAt: event.data.takenAt, actionIds: [...state.actionIds, event.data.actionId] };
      case 'BarrierResolved':
        return { ...state, status: 'resolved', lastAt: event.data.resolvedAt };
      case 'BarrierReopened':
        return { ...state, status: 'open', lastAt: event.data.reopenedAt };
    }
  },
};
