import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the CarerRequest aggregate refuses a command (besides the shared guards' reasons). */
export const CARER_REQUEST_ERROR_REASONS = {
  CARER_REQUEST_NOT_FOUND: {
    category: 'not_found',
    description: 'No carer request was ever made with this id.',
  },
  CARER_REQUEST_ALREADY_MADE: {
    category: 'conflict',
    description: 'A carer request with this id was already made.',
  },
  CARER_REQUEST_ALREADY_ANSWERED: {
    category: 'conflict',
    description: 'The carer request was already met or declined; it is answered once.',
  },
} as const satisfies ReasonList;

export const carerRequestError = reasonError(CARER_REQUEST_ERROR_REASONS);
