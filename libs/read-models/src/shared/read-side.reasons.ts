import { DomainError, reasonError, type AnyReasonList } from '#domain';

/**
 * Reasons every read model's queries refuse with when they check their arguments, or when what they
 * ask for is unknown; `details.field` names the offending argument where there is one.
 */
export const READ_SIDE_ERROR_REASONS = {
  INVALID_DATE: {
    category: 'invalid',
    description: 'A date-time argument (`from`, `to`, `asOf`, `knownAt`, the ends of a window) is not a valid date.',
  },
  INVALID_ID: {
    category: 'invalid',
    description: 'An id argument is not 1 to 100 letters, digits and `_ - . :`; it is refused before it reaches SQL.',
  },
  INVALID_WINDOW: {
    category: 'invalid',
    description:
      'A window does not end after it starts: windows are half-open [from, to) (`details.from`, `details.to`).',
  },
  INVALID_SCOPE: {
    category: 'invalid',
    description: 'A query names neither or both of `projectId` and `territoryId`; it covers exactly one of them.',
  },
  INVALID_PAGE_SIZE: {
    category: 'invalid',
    description: '`first` is negative or not a whole number.',
  },
  PAGE_SIZE_TOO_LARGE: {
    category: 'invalid',
    description: '`first` is above the cap of the list (100).',
  },
  PROJECT_NOT_FOUND: {
    category: 'not_found',
    description: 'The read model knows of no project launched with this id.',
  },
  TERRITORY_NOT_FOUND: {
    category: 'not_found',
    description: 'The read model knows of no project launched in this territory.',
  },
} as const satisfies AnyReasonList;

export type ReadSideReason = keyof typeof READ_SIDE_ERROR_REASONS;

export const readSideError = reasonError(READ_SIDE_ERROR_REASONS);

/** Whether an error is the read side's refusal with this reason. */
export const isReadSideError = (reason: ReadSideReason, error: unknown): error is DomainError =>
  error instanceof DomainError && error.reason === reason;
