import { reasonExtensions, type CodedReasonDefinition } from '#domain';
import type { AuthenticationFailure } from '#auth';

/**
 * Why a caller could not be authenticated: one entry per `AuthenticationFailure` (#auth), which
 * the GraphQL API reports with UNAUTHENTICATED (HTTP 401) and `POST /auth/token` in its error body.
 */
export const AUTHENTICATION_ERROR_REASONS = {
  TOKEN_MISSING: {
    code: 'UNAUTHENTICATED',
    description:
      'No bearer token was sent: `Authorization: Bearer <token>`, or the `authorization` connection parameter of a graphql-ws socket.',
  },
  TOKEN_MALFORMED: {
    code: 'UNAUTHENTICATED',
    description: 'The `Authorization` header is not `Bearer <token>`, or the token is not a well-formed JWT.',
  },
  TOKEN_INVALID: {
    code: 'UNAUTHENTICATED',
    description: 'The signature or the algorithm of the token is not accepted.',
  },
  TOKEN_EXPIRED: {
    code: 'UNAUTHENTICATED',
    description: 'The token has expired: ask for a new one.',
  },
  TOKEN_CLAIMS_INVALID: {
    code: 'UNAUTHENTICATED',
    description:
      'A claim of the token is not accepted: issuer, audience, subject, role, organisation (required of every role but carer and admin) or API key id.',
  },
  API_KEY_INVALID: {
    code: 'UNAUTHENTICATED',
    description: '`POST /auth/token` got no API key, or one that is not valid.',
  },
  API_KEY_REVOKED: {
    code: 'UNAUTHENTICATED',
    description: 'The API key was revoked: it is no longer exchanged, and the tokens issued for it stop at once.',
  },
} as const satisfies Record<AuthenticationFailure, CodedReasonDefinition>;

export const authenticationReason = reasonExtensions(AUTHENTICATION_ERROR_REASONS);
