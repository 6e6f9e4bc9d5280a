import { requireText } from '../shared/guards.js';
import { carerError } from './carer.reasons.js';
import type { CarerState, RegisteredCarerState } from './carer.state.js';

export const requireId = (field: string, value: string) => requireText(field, value, 100);
export const optionalNote = (note: string | null) => (note === null ? null : requireText('note', note, 1000));

export function registered(state: CarerState, carerId: string): RegisteredCarerState {
  if (state.status !== 'registered') throw carerError('CARER_NOT_FOUND', `Carer ${carerId} is not registered`);
  return state;
}

export function notWithdrawn(carer: RegisteredCarerState): RegisteredCarerState {
  if (carer.withdrawn) throw carerError('CARER_WITHDRAWN', 'The carer has withdrawn from the project');
  return carer;
}

/** An invitation is answered once, and only while it is the open one. */
export function openInvitation(carer: RegisteredCarerState, invitationId: string) {
  const open = carer.openInvitation;
  if (open !== null && open.invitationId === invitationId) return open;
  if (carer.invitationIds.includes(invitationId)) {
    throw carerError('INVITATION_ALREADY_ANSWERED', `Invitation ${invitationId} was already answered`);
  }
  throw carerError('INVITATION_NOT_FOUND', `The carer has no invitation ${invitationId}`);
}
