import { reasonError, type AnyReasonList } from '#domain';

/** Reasons the API key store refuses to create or revoke a key with (presenting a key is authentication's). */
export const API_KEY_ERROR_REASONS = {
  INVALID_ORGANISATION_ID: {
    category: 'invalid',
    description: 'The `organisationId` of a new API key is not a valid organisation id.',
  },
  INVALID_API_KEY_ROLE: {
    category: 'invalid',
    description: 'The role of a new API key is not one a key may have: `provider`, `researcher` or `analyst`.',
  },
  INVALID_LABEL: {
    category: 'invalid',
    description: 'The label of a new API key is not 1 to 200 characters (once trimmed).',
  },
  API_KEY_NOT_FOUND: {
    category: 'not_found',
    description: 'There is no API key with this id to revoke.',
  },
} as const satisfies AnyReasonList;

export type ApiKeyReason = keyof typeof API_KEY_ERROR_REASONS;

export const apiKeyError = reasonError(API_KEY_ERROR_REASONS);
