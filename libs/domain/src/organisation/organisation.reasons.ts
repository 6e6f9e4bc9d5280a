import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Organisation aggregate refuses a command (besides the shared guards' reasons). */
export const ORGANISATION_ERROR_REASONS = {
  ORGANISATION_NOT_FOUND: {
    category: 'not_found',
    description: 'No organisation was ever registered with this id.',
  },
  ORGANISATION_ALREADY_REGISTERED: {
    category: 'conflict',
    description: 'An organisation with this id is already registered.',
  },
} as const satisfies ReasonList;

export const organisationError = reasonError(ORGANISATION_ERROR_REASONS);
