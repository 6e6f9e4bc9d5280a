/** Who the dashboard acts as: read from the token's claims, for the UI only (the API checks them). */
export type Role = 'carer' | 'provider' | 'researcher' | 'analyst' | 'admin';

export interface Session {
  readonly token: string;
  readonly role: Role;
  readonly subject: string;
  readonly organisationId: string | null;
  readonly expiresAt: Date | null;
}

const ROLES: readonly Role[] = ['carer', 'provider', 'researcher', 'analyst', 'admin'];
/** The token lives for the browser session (this tab), never in the URL. */
const STORAGE_KEY = 'coproduction.token';

function decodePart(part: string): unknown {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The session a token describes, or null when it is not a platform token (or has expired). */
export function sessionOf(token: string, now: Date = new Date()): Session | null {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  const parts = trimmed.split('.');
  if (parts.length !== 3) return null;
  let claims: Record<string, unknown>;
  try {
    claims = decodePart(parts[1]!) as Record<string, unknown>;
  } catch {
    return null;
  }
  const role = claims.role;
  if (typeof role !== 'string' || !ROLES.includes(role as Role) || typeof claims.sub !== 'string') return null;
  const expiresAt = typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  if (expiresAt && expiresAt <= now) return null;
  return {
    token: trimmed,
    role: role as Role,
    subject: claims.sub,
    organisationId: typeof claims.org === 'string' ? claims.org : null,
    expiresAt,
  };
}

export function storedSession(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  return token ? sessionOf(token) : null;
}

export function storeSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, session.token);
  else sessionStorage.removeItem(STORAGE_KEY);
}

/** What each role may open; the API refuses the rest anyway, the UI just does not offer it. */
export const CAN = {
  seeRecords: (role: Role) => role !== 'carer',
  compareTerritories: (role: Role) => role === 'analyst' || role === 'researcher' || role === 'admin',
  operate: (role: Role) => role === 'admin',
} as const;
