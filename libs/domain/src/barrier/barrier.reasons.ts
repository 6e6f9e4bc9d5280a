import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Barrier aggregate refuses a command (besides the shared guards' and the coding reasons). */
export const BARRIER_ERROR_REASONS = {
  BARRIER_NOT_FOUND: {
    category: 'not_found',
    description: 'No barrier was ever observed with this id.',
  },
  BARRIER_ALREADY_OBSERVED: {
    category: 'conflict',
    description: 'A barrier with this id was already observed.',
  },
  BARRIER_NOT_OPEN: {
    category: 'conflict',
    description: 'The barrier is resolved: it is reopened before it is adjusted or resolved again.',
  },
  BARRIER_NOT_RESOLVED: {
    category: 'conflict',
    description: 'The barrier is still open, so there is nothing to reopen.',
  },
  ACTION_ALREADY_TAKEN: {
    category: 'conflict',
    description: 'An adjustment action with this id was already recorded for the barrier.',
  },
  OUT_OF_ORDER: {
    category: 'conflict',
    description:
      'The fact is dated before the latest fact of the barrier (`details.lastAt`): adjustments, resolutions and reopenings are recorded in the order they happened.',
  },
  TOO_MANY: {
    category: 'invalid',
    description: 'A barrier is based on at most 100 observations.',
  },
  DUPLICATE_OBSERVATION: {
    category: 'invalid',
    description: 'An observation is listed more than once among those the barrier is based on.',
  },
} as const satisfies ReasonList;

export const barrierError = reasonError(BARRIER_ERROR_REASONS);
