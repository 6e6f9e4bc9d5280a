import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import type { TakeAdjustmentAction } from '../barrier.commands.js';
import type { BarrierEvent } from '../barrier.events.js';
import { existing, inOrder } from '../barrier.guards.js';
import { barrierError } from '../barrier.reasons.js';
import type { BarrierState } from '../barrier.state.js';

export function takeAdjustmentAction(
  command: TakeAdjustmentAction,
  state: BarrierState,
  context: DecisionContext,
): BarrierEvent[] {
  const barrierId = command.data.barrierId;
  const barrier = existing(state, barrierId);
  if (barrier.status !== 'open') {
    throw barrierError('BARRIER_NOT_OPEN', `Barrier ${barrierId} is resolved; reopen it before adjusting`);
  }
  const actionId = requireText('actionId', command.data.actionId, 100);
  if (barrier.actionIds.includes(actionId)) {
    throw barrierError('ACTION_ALREADY_TAKEN', `Adjustment action ${actionId} was already recorded`, { actionId });
  }
  return [
    {
      type: 'AdjustmentActionTaken',
      data: {
        barrierId,
        projectId: barrier.projectId,
        actionId,
        description: requireText('description', command.data.description, 2000),
        takenByOrganisationId: requireText('takenByOrganisationId', command.data.takenByOrganisationId, 100),
        takenAt: inOrder(barrier.lastAt, context),
      },
    },
  ];
}
