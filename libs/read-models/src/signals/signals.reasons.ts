import { reasonError, type AnyReasonList } from '#domain';

/** Reasons of the signal queries and of the signal framework registry (docs/signals.md). */
export const SIGNALS_ERROR_REASONS = {
  INVALID_FRAMEWORKS: {
    category: 'invalid',
    description: 'A comparison names fewer than 1 or more than 5 frameworks.',
  },
  TOO_MANY_PERIODS: {
    category: 'invalid',
    description:
      'A series has more than 240 periods (`details.periods`): ask for a shorter range or a coarser granularity.',
  },
  SIGNAL_FRAMEWORK_NOT_FOUND: {
    category: 'not_found',
    description:
      'No signal framework is registered with this id and version (`details.frameworkId`, `details.version`).',
  },
  SIGNAL_FRAMEWORK_VERSION_EXISTS: {
    category: 'conflict',
    description:
      'This version of the framework is already registered with another definition: a version never changes, register a new one.',
  },
  INVALID_SIGNAL_FRAMEWORK: {
    category: 'invalid',
    description:
      'A framework definition does not fit the schema of docs/signals.md; `details.problems` lists every problem as `path: message`.',
  },
  INVALID_SIGNAL_FRAMEWORK_ID: {
    category: 'invalid',
    description: 'A framework id is not 1 to 100 letters, digits and `_ - . :`.',
  },
  INVALID_SIGNAL_FRAMEWORK_VERSION: {
    category: 'invalid',
    description: 'A framework version is not a whole number from 1 to 1000000.',
  },
} as const satisfies AnyReasonList;

export const signalsError = reasonError(SIGNALS_ERROR_REASONS);
