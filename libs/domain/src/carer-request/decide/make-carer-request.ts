import { requireOneOf, requireText } from '../../shared/guards.js';
import { requirePseudonymousRef } from '../../evidence/pseudonym.js';
import type { MakeCarerRequest } from '../carer-request.commands.js';
import { CARER_REQUEST_CATEGORIES, type CarerRequestEvent } from '../carer-request.events.js';
import { carerRequestError } from '../carer-request.reasons.js';
import type { CarerRequestState } from '../carer-request.state.js';

export function makeCarerRequest(command: MakeCarerRequest, state: CarerRequestState): CarerRequestEvent[] {
  const data = command.data;
  const requestId = data.requestId;
  if (state.status !== 'unknown') {
    throw carerRequestError('CARER_REQUEST_ALREADY_MADE', `Carer request ${requestId} was already made`);
  }
  return [
    {
      type: 'CarerRequestMade',
      data: {
        requestId,
        projectId: data.projectId,
        // The pseudonymous id only: a request says what a carer needs, never who they are.
        carerId: requirePseudonymousRef('carerId', data.carerId),
        category: requireOneOf('category', data.category, CARER_REQUEST_CATEGORIES),
        description: requireText('description', data.description, 500),
      },
    },
  ];
}
