import type { CodeByCategory } from '#domain';

/** The one mapping from a reason's category to GraphQL `extensions.code` (docs/errors.md prints it). */
export const CODE_BY_CATEGORY: CodeByCategory = {
  invalid: 'BAD_USER_INPUT',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
};
