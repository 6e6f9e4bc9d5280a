import { carerRequestError } from './carer-request.reasons.js';
import type { CarerRequestState } from './carer-request.state.js';

export function existing(state: CarerRequestState, requestId: string) {
  if (state.status === 'unknown') {
    throw carerRequestError('CARER_REQUEST_NOT_FOUND', `Carer request ${requestId} does not exist`);
  }
  return state;
}

/** A request is answered once: met or declined. */
export function awaitingAnswer(state: CarerRequestState, requestId: string) {
  const request = existing(state, requestId);
  if (request.status !== 'made') {
    throw carerRequestError(
      'CARER_REQUEST_ALREADY_ANSWERED',
      `Carer request ${requestId} was already ${request.status}`,
    );
  }
  return request;
}
