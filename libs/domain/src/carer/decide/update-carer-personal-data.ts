import type { UpdateCarerPersonalData } from '../carer.commands.js';
import type { CarerEvent } from '../carer.events.js';
import { registered } from '../carer.guards.js';
import { carerError } from '../carer.reasons.js';
import type { CarerState } from '../carer.state.js';
import { requireEncryptedPersonalData } from '../encrypted-personal-data.js';

export function updateCarerPersonalData(command: UpdateCarerPersonalData, state: CarerState): CarerEvent[] {
  const { carerId } = command.data;
  const carer = registered(state, carerId);
  if (carer.erased) throw carerError('CARER_ERASED', "The carer's personal data was erased");
  const personalData = requireEncryptedPersonalData(command.data.personalData);
  return [{ type: 'CarerPersonalDataUpdated', data: { carerId, projectId: carer.projectId, personalData } }];
}
