/** Why a caller could not be authenticated; the reason is stable and safe to show (it never echoes a token or key). */
export type AuthenticationFailure =
  | 'TOKEN_MISSING'
  | 'TOKEN_MALFORMED'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_CLAIMS_INVALID'
  | 'API_KEY_INVALID'
  | 'API_KEY_REVOKED';

export class AuthenticationError extends Error {
  constructor(
    readonly reason: AuthenticationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
