import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { AuthConfig } from '#config';
import type { Principal } from './principal.js';

/** Development tokens (`npm run token`, the dashboard's development sign-in) last a working day. */
export const DEV_TOKEN_TTL_SECONDS = 8 * 3600;

export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: Date;
}

/** Signs the platform's own tokens (HS256): for API keys exchanged by machine clients, and for development. */
export class TokenIssuer {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly config: Pick<AuthConfig, 'issuer' | 'audience' | 'tokenTtlSeconds'>,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(principal: Principal, ttlSeconds = this.config.tokenTtlSeconds): Promise<IssuedToken> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + ttlSeconds;
    const token = await new SignJWT({
      role: principal.role,
      ...(principal.organisationId ? { org: principal.organisationId } : {}),
      ...(principal.apiKeyId ? { akid: principal.apiKeyId } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.id)
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}
