import { createHmac, randomUUID } from 'node:crypto';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { OPERATION_POLICY } from '../../apps/api/src/auth/operation-policy.js';

/** The secret every API the tests start signs and verifies with (passed as JWT_SECRET). */
export const TEST_JWT_SECRET = 'test-only-secret-0123456789abcdef0123456789';
export const TEST_ISSUER = 'coproduction-platform';
export const TEST_AUDIENCE = 'coproduction-api';

export interface TestPrincipal {
  readonly id: string;
  readonly role: 'carer' | 'provider' | 'researcher' | 'analyst' | 'admin';
  readonly org?: string;
}

export interface TokenOptions {
  readonly secret?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds from now; negative for an expired token. */
  readonly expiresIn?: number;
  readonly extraClaims?: Record<string, unknown>;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * An HS256 JWT signed here with node:crypto, independently of the server's own signing code,
 * so the tests check the server against the standard rather than against itself.
 */
export function tokenFor(principal: TestPrincipal, options: TokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({
      sub: principal.id,
      role: principal.role,
      ...(principal.org ? { org: principal.org } : {}),
      iss: options.issuer ?? TEST_ISSUER,
      aud: options.audience ?? TEST_AUDIENCE,
      iat: now,
      exp: now + (options.expiresIn ?? 3600),
      jti: randomUUID(),
      ...options.extraClaims,
    }),
  );
  const signature = createHmac('sha256', options.secret ?? TEST_JWT_SECRET)
    .update(`${header}.${payload}`)
    .digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export function bearer(principal: TestPrincipal, options?: TokenOptions): Record<string, string> {
  return { authorization: `Bearer ${tokenFor(principal, options)}` };
}

/** Shorthand: `as('coordinator-1;provider;org-home-care')`. */
export function as(spec: string): Record<string, string> {
  const [id, role, org] = spec.split(';') as [string, TestPrincipal['role'], string | undefined];
  return bearer({ id, role, ...(org ? { org } : {}) });
}

export const ADMIN = as('admin-1;admin');

/** The home-care coordinator most tests act as (it launches their projects, so it is a member). */
export const COORDINATOR = as('coordinator-1;provider;org-home-care');

/**
 * Who a test acts as when it does not care: the coordinator, or an admin for the operations the
 * policy keeps from providers (platform set-up, research evidence, projection admin, erasure).
 */
export function usualActorFor(query: string): Record<string, string> {
  let field: string | undefined;
  try {
    const operation = parse(query).definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const first = operation?.selectionSet.selections[0];
    field = first?.kind === Kind.FIELD ? first.name.value : undefined;
  } catch {
    return COORDINATOR;
  }
  const rule = field ? OPERATION_POLICY[field] : undefined;
  return !rule || rule.roles.includes('provider') ? COORDINATOR : ADMIN;
}

/**
 * The usual actor: `api.graphql` sends as the home-care coordinator, or as an admin for what the
 * policy keeps from providers (see usualActorFor). Pass other headers to act as someone else.
 */
export const DEV_ACTOR: Record<string, string> = { ...COORDINATOR };
