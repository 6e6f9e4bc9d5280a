import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiKeyStore, AuthenticationError, TokenVerifier, type Principal } from '#auth';
import { authenticationReason } from './authentication.reasons.js';
import { RATE_LIMITER } from './rate-limiter.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Turns the `Authorization` header of an HTTP request or the `authorization` connection parameter
 * of a graphql-ws socket into a verified principal, and counts the request against the caller's
 * rate limit. Every failure is a GraphQLError with a stable code (UNAUTHENTICATED, RATE_LIMITED).
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly apiKeys: ApiKeyStore,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiterAbstract,
  ) {}

  async authenticate(authorization: unknown): Promise<Principal> {
    let principal: Principal;
    try {
      principal = await this.verify(authorization);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error);
      throw error;
    }
    await this.consume(principal);
    return principal;
  }

  private async verify(authorization: unknown): Promise<Principal> {
    if (authorization === undefined || authorization === null || authorization === '')
      throw new AuthenticationError('TOKEN_MISSING', 'Send a bearer token: Authorization: Bearer <token>');
    const match = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
    if (!match) throw new AuthenticationError('TOKEN_MALFORMED', 'The Authorization header must be "Bearer <token>"');
    const principal = await this.verifier.verify(match[1]!);
    // A revoked key stops its tokens at once, not when they expire.
    if (principal.apiKeyId && !(await this.apiKeys.isActive(principal.apiKeyId)))
      throw new AuthenticationError('API_KEY_REVOKED', 'The API key this token was issued for has been revoked');
    return principal;
  }

  /** Per caller (token subject and organisation), so one client cannot starve the others. */
  private async consume(principal: Principal): Promise<void> {
    try {
      await this.limiter.consume(`${principal.organisationId ?? ''}/${principal.id}`);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw new GraphQLError(`Rate limit exceeded; retry in ${retryAfterSeconds} s`, {
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429 } },
      });
    }
  }
}

function unauthenticated(error: AuthenticationError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { ...authenticationReason(error.reason), http: { status: 401 } },
  });
}
