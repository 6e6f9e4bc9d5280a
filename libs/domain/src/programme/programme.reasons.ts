import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Programme aggregate refuses a command (besides the shared guards' reasons). */
export const PROGRAMME_ERROR_REASONS = {
  PROGRAMME_NOT_FOUND: {
    category: 'not_found',
    description: 'No programme was ever launched with this id.',
  },
  PROGRAMME_ALREADY_LAUNCHED: {
    category: 'conflict',
    description: 'A programme with this id was already launched.',
  },
  TERRITORY_NOT_FOUND: {
    category: 'not_found',
    description: 'The territory is not part of the programme.',
  },
  TERRITORY_ALREADY_ADDED: {
    category: 'conflict',
    description: 'The territory is already part of the programme.',
  },
  FRAMEWORK_VERSION_ALREADY_ADOPTED: {
    category: 'conflict',
    description:
      'The territory already uses this version of the signal framework (going back to an older version is allowed).',
  },
} as const satisfies ReasonList;

export const programmeError = reasonError(PROGRAMME_ERROR_REASONS);
