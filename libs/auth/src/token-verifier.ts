import { readFile } from 'node:fs/promises';
import {
  createLocalJWKSet,
  errors,
  importSPKI,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWSHeaderParameters,
  type JWTPayload,
  type KeyObject,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthConfig } from '#config';
import { AuthenticationError } from './errors.js';
import { actsForOrganisation, isRole, PRINCIPAL_ID, type Principal } from './principal.js';

type VerificationKey = CryptoKey | KeyObject | Uint8Array;
type KeyResolver = (header: JWSHeaderParameters) => Promise<VerificationKey>;

const ASYMMETRIC = ['RS256', 'ES256'] as const;
const CLOCK_TOLERANCE_SECONDS = 5;
/** Tokens kept after their first verification: far more than callers active at once. */
const TOKENS_KEPT = 10_000;

interface KeptToken {
  readonly principal: Principal;
  readonly exp: number;
  readonly nbf: number | undefined;
}

/**
 * Verifies bearer tokens: the platform's own (HS256, signed with its secret) and, when configured,
 * an external identity provider's (RS256/ES256 by PEM public key or a JWKS file). Issuer,
 * audience and expiry are checked on every token; `none` and any other algorithm are refused.
 */
export class TokenVerifier {
  /**
   * Tokens already verified, by their exact text: a dashboard sends the same token with every
   * request, and checking its signature took 4.5% of the API's busy time at 200 requests/s
   * (profile). The keys never change while the process runs, so a kept token's signature, issuer
   * and audience stand. Only its time claims are checked again: past `exp` (or before `nbf`) it is
   * verified afresh, which refuses it with the precise reason.
   */
  private readonly verified = new LRUCache<string, KeptToken>({ max: TOKENS_KEPT });

  private constructor(
    private readonly resolveKey: KeyResolver,
    private readonly algorithms: string[],
    private readonly config: Pick<AuthConfig, 'issuer' | 'audience'>,
  ) {}

  static async create(config: AuthConfig, secret: string): Promise<TokenVerifier> {
    const hmac = new TextEncoder().encode(secret);
    const jwks = config.jwksFile
      ? createLocalJWKSet(JSON.parse(await readFile(config.jwksFile, 'utf8')) as { keys: JWK[] })
      : null;
    const pem = config.publicKeyFile ? await readFile(config.publicKeyFile, 'utf8') : null;
    const publicKeys = new Map<string, Promise<CryptoKey>>();
    const resolveKey: KeyResolver = async (header) => {
      if (header.alg === 'HS256') return hmac;
      if (jwks) {
        try {
          return await jwks(header);
        } catch (error) {
          if (!pem) throw error;
        }
      }
      if (pem && header.alg) {
        const key = publicKeys.get(header.alg) ?? importSPKI(pem, header.alg);
        publicKeys.set(header.alg, key);
        return key;
      }
      throw new AuthenticationError('TOKEN_INVALID', `Tokens signed with ${header.alg} are not accepted here`);
    };
    const algorithms = ['HS256', ...(jwks || pem ? ASYMMETRIC : [])];
    return new TokenVerifier(resolveKey, algorithms, config);
  }

  async verify(token: string): Promise<Principal> {
    const kept = this.verified.get(token);
    if (kept && withinTime(kept)) return { ...kept.principal };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.resolveKey, {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw refusal(error);
    }
    const principal = principalOf(payload);
    // `requiredClaims` makes jose refuse a token without `exp`.
    this.verified.set(token, { principal, exp: payload.exp!, nbf: payload.nbf });
    return { ...principal };
  }
}

/** The time claims as jose checks them, with the same tolerance. */
function withinTime(kept: KeptToken): boolean {
  const now = Math.floor(Date.now() / 1000);
  return (
    now < kept.exp + CLOCK_TOLERANCE_SECONDS && (kept.nbf === undefined || now >= kept.nbf - CLOCK_TOLERANCE_SECONDS)
  );
}

function refusal(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError('TOKEN_EXPIRED', 'The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new AuthenticationError('TOKEN_CLAIMS_INVALID', `The token's "${error.claim}" claim is not accepted`);
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  )
    return new AuthenticationError('TOKEN_MALFORMED', 'The bearer token is not a well-formed JWT');
  return new AuthenticationError('TOKEN_INVALID', 'The token signature or algorithm is not accepted');
}

function principalOf(payload: JWTPayload): Principal {
  const { sub, role, org, akid } = payload as JWTPayload & { role?: unknown; org?: unknown; akid?: unknown };
  if (typeof sub !== 'string' || !PRINCIPAL_ID.test(sub))
    throw new AuthenticationError('TOKEN_CLAIMS_INVALID', 'The token\'s "sub" claim is not a valid id');
  if (!isRole(role))
    throw new AuthenticationError(
      'TOKEN_CLAIMS_INVALID',
      'The token\'s "role" claim must be one of carer, provider, researcher, analyst, admin',
    );
  if (org !== undefined && (typeof org !== 'string' || !PRINCIPAL_ID.test(org)))
    throw new AuthenticationError('TOKEN_CLAIMS_INVALID', 'The token\'s "org" claim is not a valid organisation id');
  if (actsForOrganisation(role) && org === undefined)
    throw new AuthenticationError(
      'TOKEN_CLAIMS_INVALID',
      `${role === 'analyst' ? 'An' : 'A'} ${role} token must name its organisation ("org" claim)`,
    );
  if (akid !== undefined && (typeof akid !== 'string' || !PRINCIPAL_ID.test(akid)))
    throw new AuthenticationError('TOKEN_CLAIMS_INVALID', 'The token\'s "akid" claim is not a valid API key id');
  return {
    id: sub,
    role,
    ...(typeof org === 'string' ? { organisationId: org } : {}),
    ...(typeof akid === 'string' ? { apiKeyId: akid } : {}),
  };
}
