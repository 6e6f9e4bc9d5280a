import { reasonExtensions, type AnyReasonList } from '#domain';
import { CODE_BY_CATEGORY } from '../command-side/error-codes.js';

/** Reasons of `POST /auth/dev-token` (outside production only), in its HTTP 400 error body. */
export const DEV_TOKEN_ERROR_REASONS = {
  ROLE_INVALID: {
    category: 'invalid',
    description: '`role` is not one of the roles.',
  },
  ORGANISATION_INVALID: {
    category: 'invalid',
    description: '`organisationId` is not an organisation id (letters, digits, `_ . : -`).',
  },
  ORGANISATION_REQUIRED: {
    category: 'invalid',
    description: 'The role acts for an organisation, and no `organisationId` was sent.',
  },
  SUBJECT_INVALID: {
    category: 'invalid',
    description: '`subject` is not an id (letters, digits, `_ . : -`).',
  },
} as const satisfies AnyReasonList;

export const devTokenReason = reasonExtensions(DEV_TOKEN_ERROR_REASONS, CODE_BY_CATEGORY);
