import { reasonError, reasonExtensions, type AnyReasonList } from '#domain';
import { CODE_BY_CATEGORY } from '../command-side/error-codes.js';

/**
 * Reasons of the API's own checks of query arguments: pagination, positions, time travel, the
 * projections admin. Some are GraphQL errors without `details`, some DomainErrors.
 */
export const QUERY_ERROR_REASONS = {
  INVALID_CURSOR: {
    category: 'invalid',
    description: '`after` is not a cursor of this list (an `endCursor` it returned).',
  },
  INVALID_PAGE_SIZE: {
    category: 'invalid',
    description: '`first` is negative or not a whole number.',
  },
  PAGE_SIZE_TOO_LARGE: {
    category: 'invalid',
    description: '`first` is above the cap of every list (100).',
  },
  INVALID_POSITION: {
    category: 'invalid',
    description: "A subscription's `afterPosition` is not a position like `1234-56`.",
  },
  IN_THE_FUTURE: {
    category: 'invalid',
    description:
      '`asOf`, `knownAt` or the start of a window is after now (a day of slack is allowed), or a window ends after the current quarter (`details.field`).',
  },
  PROJECTION_NOT_FOUND: {
    category: 'not_found',
    description: 'There is no projection of this name (`details.projection`).',
  },
} as const satisfies AnyReasonList;

export const queryError = reasonError(QUERY_ERROR_REASONS);
export const queryReason = reasonExtensions(QUERY_ERROR_REASONS, CODE_BY_CATEGORY);
