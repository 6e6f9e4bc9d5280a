import { reasonError, type AnyReasonList } from '#domain';

/** Reasons of the warnings query (docs/warnings.md). */
export const WARNINGS_ERROR_REASONS = {
  INVALID_CURSOR: {
    category: 'invalid',
    description: '`after` is not a cursor of the warnings list (an `endCursor` it returned).',
  },
  INVALID_RULE: {
    category: 'invalid',
    description: '`rule` is not one of the warning rules.',
  },
  SIGNAL_WINDOW_TOO_LONG: {
    category: 'invalid',
    description:
      'Signal drops are evaluated over at most 36 calendar months (`details.months`): pass a later `from`, an earlier `to`, or another rule.',
  },
} as const satisfies AnyReasonList;

export const warningsError = reasonError(WARNINGS_ERROR_REASONS);
