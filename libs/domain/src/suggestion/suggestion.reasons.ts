import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Suggestion aggregate refuses a command (besides the shared guards' reasons). */
export const SUGGESTION_ERROR_REASONS = {
  SUGGESTION_NOT_FOUND: {
    category: 'not_found',
    description: 'No suggestion was ever made with this id.',
  },
  SUGGESTION_ALREADY_MADE: {
    category: 'conflict',
    description: 'A suggestion with this id was already made.',
  },
  SUGGESTER_MISMATCH: {
    category: 'invalid',
    description:
      'Who made the suggestion does not match the role: a carer is named by `carerId`, a provider or researcher by `organisationId`, the committee by neither.',
  },
  SUGGESTION_ALREADY_ANSWERED: {
    category: 'conflict',
    description: 'The suggestion was already adopted, declined or implemented; it is answered once.',
  },
  SUGGESTION_ALREADY_IMPLEMENTED: {
    category: 'conflict',
    description: 'The suggestion was already implemented.',
  },
  SUGGESTION_NOT_ADOPTED: {
    category: 'conflict',
    description: 'Only an adopted suggestion is implemented.',
  },
} as const satisfies ReasonList;

export const suggestionError = reasonError(SUGGESTION_ERROR_REASONS);
