import { requireText } from '../../shared/guards.js';
import type { EraseCarerPersonalData } from '../carer.commands.js';
import type { CarerEvent } from '../carer.events.js';
import { registered, requireId } from '../carer.guards.js';
import { carerError } from '../carer.reasons.js';
import type { CarerState } from '../carer.state.js';

export function eraseCarerPersonalData(command: EraseCarerPersonalData, state: CarerState): CarerEvent[] {
  const { carerId } = command.data;
  const carer = registered(state, carerId);
  if (carer.erased) throw carerError('CARER_ALREADY_ERASED', "The carer's personal data was already erased");
  return [
    {
      type: 'CarerPersonalDataErased',
      data: {
        carerId,
        projectId: carer.projectId,
        erasedBy: requireId('erasedBy', command.data.erasedBy),
        reason: requireText('reason', command.data.reason),
      },
    },
  ];
}
