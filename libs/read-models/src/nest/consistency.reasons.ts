import { reasonExtensions, type AnyReasonList } from '#domain';

/** Reasons of the read-your-writes wait every query taking `atLeastPosition` makes (GraphQL errors, no DomainError). */
export const CONSISTENCY_ERROR_REASONS = {
  INVALID_POSITION: {
    code: 'BAD_USER_INPUT',
    description: '`atLeastPosition` is not a position as mutations return them, like `1234-56`.',
  },
  PROJECTIONS_BEHIND: {
    code: 'CONSISTENCY_TIMEOUT',
    description:
      'The read models did not reach `atLeastPosition` within 5 s (the projections are behind or stopped); try again.',
  },
} as const satisfies AnyReasonList;

export const consistencyReason = reasonExtensions(CONSISTENCY_ERROR_REASONS);
