import { requireOneOf } from '../../shared/guards.js';
import type { WithdrawCarerFromProject } from '../carer.commands.js';
import { CARER_WITHDRAWAL_REASONS, type CarerEvent } from '../carer.events.js';
import { optionalNote, registered } from '../carer.guards.js';
import { carerError } from '../carer.reasons.js';
import type { CarerState } from '../carer.state.js';

export function withdrawCarerFromProject(command: WithdrawCarerFromProject, state: CarerState): CarerEvent[] {
  const data = command.data;
  const carer = registered(state, data.carerId);
  if (carer.withdrawn) throw carerError('CARER_ALREADY_WITHDRAWN', 'The carer has already withdrawn');
  if (!carer.accepted) {
    throw carerError(
      'CARER_NOT_PARTICIPATING',
      'Only a carer who accepted an invitation can withdraw; decline instead',
    );
  }
  return [
    {
      type: 'CarerWithdrewFromProject',
      data: {
        carerId: data.carerId,
        projectId: carer.projectId,
        reason: requireOneOf('reason', data.reason, CARER_WITHDRAWAL_REASONS),
        note: optionalNote(data.note),
      },
    },
  ];
}
