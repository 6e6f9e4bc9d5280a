import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import type { AuthConfig } from '#config';
import { AuthenticationError } from './errors.js';
import { TokenIssuer } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';

const SECRET = 'unit-test-secret-0123456789abcdef0123';
const AUTH: AuthConfig = { issuer: 'coproduction-platform', audience: 'coproduction-api', tokenTtlSeconds: 900 };
const now = () => Math.floor(Date.now() / 1000);

async function reason(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return (error as AuthenticationError).reason;
}

function hs256(claims: Record<string, unknown>, secret = SECRET) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(AUTH.issuer)
    .setAudience(AUTH.audience)
    .setExpirationTime(now() + 60)
    .sign(new TextEncoder().encode(secret));
}

describe('TokenVerifier with the platform secret (HS256)', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('accepts a token it verified before only until it expires, and never one signed otherwise', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const verifier = await TokenVerifier.create(AUTH, SECRET);
    const { token } = await new TokenIssuer(SECRET, { ...AUTH, tokenTtlSeconds: 60 }).issue({
      id: 'provider-1',
      role: 'provider',
      organisationId: 'org-home-care',
    });
    const expected = { id: 'provider-1', role: 'provider', organisationId: 'org-home-care' };
    await expect(verifier.verify(token)).resolves.toEqual(expected);
    jest.setSystemTime(new Date('2026-03-01T10:01:00Z'));
    await expect(verifier.verify(token)).resolves.toEqual(expected);
    jest.setSystemTime(new Date('2026-03-01T10:01:10Z'));
    expect(await reason(verifier.verify(token))).toBe('TOKEN_EXPIRED');
    const [header, payload] = token.split('.');
    expect(await reason(verifier.verify(`${header}.${payload}.${'A'.repeat(43)}`))).toBe('TOKEN_INVALID');
  });

  it('accepts what the issuer signs and returns the principal', async () => {
    const verifier = await TokenVerifier.create(AUTH, SECRET);
    const { token } = await new TokenIssuer(SECRET, AUTH).issue({
      id: 'analyst-3',
      role: 'analyst',
      organisationId: 'org-university',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'analyst-3',
      role: 'analyst',
      organisationId: 'org-university',
    });
  });

  it.each([
    [
      'another secret',
      () => hs256({ sub: 'a', role: 'admin' }, 'another-secret-0123456789abcdef0123'),
      'TOKEN_INVALID',
    ],
    ['garbage', async () => 'not.a.jwt', 'TOKEN_MALFORMED'],
    [
      'the wrong issuer',
      () =>
        new SignJWT({ sub: 'a', role: 'admin' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('someone-else')
          .setAudience(AUTH.audience)
          .setExpirationTime(now() + 60)
          .sign(new TextEncoder().encode(SECRET)),
      'TOKEN_CLAIMS_INVALID',
    ],
    [
      'the wrong audience',
      () =>
        new SignJWT({ sub: 'a', role: 'admin' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(AUTH.issuer)
          .setAudience('another-api')
          .setExpirationTime(now() + 60)
          .sign(new TextEncoder().encode(SECRET)),
      'TOKEN_CLAIMS_INVALID',
    ],
    [
      'an expired token',
      () =>
        new SignJWT({ sub: 'a', role: 'admin' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(AUTH.issuer)
          .setAudience(AUTH.audience)
          .setExpirationTime(now() - 60)
          .sign(new TextEncoder().encode(SECRET)),
      'TOKEN_EXPIRED',
    ],
    [
      'no expiry',
      () =>
        new SignJWT({ sub: 'a', role: 'admin' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(AUTH.issuer)
          .setAudience(AUTH.audience)
          .sign(new TextEncoder().encode(SECRET)),
      'TOKEN_CLAIMS_INVALID',
    ],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
          JSON.stringify({ sub: 'a', role: 'admin', iss: AUTH.issuer, aud: AUTH.audience, exp: now() + 60 }),
        ).toString('base64url')}.`,
      'TOKEN_INVALID',
    ],
    ['an unknown role', () => hs256({ sub: 'a', role: 'superuser' }), 'TOKEN_CLAIMS_INVALID'],
    ['a provider without organisation', () => hs256({ sub: 'a', role: 'provider' }), 'TOKEN_CLAIMS_INVALID'],
    ['a subject with separators', () => hs256({ sub: 'a;admin', role: 'admin' }), 'TOKEN_CLAIMS_INVALID'],
  ])('refuses %s', async (_case, make, expected) => {
    const verifier = await TokenVerifier.create(AUTH, SECRET);
    expect(await reason(verifier.verify(await make()))).toBe(expected);
  });

  it('refuses an RS256 token when no external key is configured', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ sub: 'a', role: 'admin' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(AUTH.issuer)
      .setAudience(AUTH.audience)
      .setExpirationTime(now() + 60)
      .sign(privateKey);
    const verifier = await TokenVerifier.create(AUTH, SECRET);
    expect(await reason(verifier.verify(token))).toBe('TOKEN_INVALID');
  });
});

describe('TokenVerifier with an external identity provider', () => {
  const directory = mkdtempSync(join(tmpdir(), 'jwt-keys-'));

  it.each(['RS256', 'ES256'] as const)('verifies %s tokens with a PEM public key', async (alg) => {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    const file = join(directory, `${alg}.pem`);
    writeFileSync(file, await exportSPKI(publicKey));
    const verifier = await TokenVerifier.create({ ...AUTH, publicKeyFile: file }, SECRET);
    const token = await new SignJWT({ sub: 'researcher-7', role: 'researcher', org: 'org-university' })
      .setProtectedHeader({ alg })
      .setIssuer(AUTH.issuer)
      .setAudience(AUTH.audience)
      .setExpirationTime(now() + 60)
      .sign(privateKey);
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'researcher-7',
      role: 'researcher',
      organisationId: 'org-university',
    });
    const other = await generateKeyPair(alg);
    const forged = await new SignJWT({ sub: 'x', role: 'admin' })
      .setProtectedHeader({ alg })
      .setIssuer(AUTH.issuer)
      .setAudience(AUTH.audience)
      .setExpirationTime(now() + 60)
      .sign(other.privateKey);
    expect(await reason(verifier.verify(forged))).toBe('TOKEN_INVALID');
  });

  it('verifies tokens against a JWKS file, choosing the key by kid', async () => {
    const first = await generateKeyPair('ES256');
    const second = await generateKeyPair('RS256');
    const file = join(directory, 'jwks.json');
    writeFileSync(
      file,
      JSON.stringify({
        keys: [
          { ...(await exportJWK(first.publicKey)), kid: 'k1', alg: 'ES256' },
          { ...(await exportJWK(second.publicKey)), kid: 'k2', alg: 'RS256' },
        ],
      }),
    );
    const verifier = await TokenVerifier.create({ ...AUTH, jwksFile: file }, SECRET);
    const token = await new SignJWT({ sub: 'admin-9', role: 'admin' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k2' })
      .setIssuer(AUTH.issuer)
      .setAudience(AUTH.audience)
      .setExpirationTime(now() + 60)
      .sign(second.privateKey);
    await expect(verifier.verify(token)).resolves.toEqual({ id: 'admin-9', role: 'admin' });
    const unknownKid = await new SignJWT({ sub: 'admin-9', role: 'admin' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k3' })
      .setIssuer(AUTH.issuer)
      .setAudience(AUTH.audience)
      .setExpirationTime(now() + 60)
      .sign(second.privateKey);
    expect(await reason(verifier.verify(unknownKid))).toBe('TOKEN_INVALID');
  });
});
