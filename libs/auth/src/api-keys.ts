import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { migrate, type Migration, type SqlDatabase } from '#database';
import { apiKeyError } from './api-keys.reasons.js';
import { AuthenticationError } from './errors.js';
import { PRINCIPAL_ID, type Principal, type Role } from './principal.js';

/** Machine clients act for a partner organisation; admin and carer access is never delegated to a key. */
export const API_KEY_ROLES = ['provider', 'researcher', 'analyst'] as const satisfies readonly Role[];
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export interface ApiKeyRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly role: ApiKeyRole;
  readonly label: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
  readonly lastUsedAt: Date | null;
}

export interface CreatedApiKey {
  readonly record: ApiKeyRecord;
  /** Shown once, at creation; only its hash is kept. */
  readonly key: string;
}

const KEY = /^cpk_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'api keys',
    sql: `
      create table api_keys (
        key_id text primary key,
        secret_sha256 bytea not null,
        organisation_id text not null,
        role text not null,
        label text not null,
        created_by text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz null,
        revoked_by text null,
        last_used_at timestamptz null
      );
      create index api_keys_organisation on api_keys (organisation_id, created_at);
    `,
  },
];

interface Row {
  key_id: string;
  secret_sha256: Uint8Array;
  organisation_id: string;
  role: ApiKeyRole;
  label: string;
  created_by: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
  revoked_by: string | null;
  last_used_at: Date | string | null;
}

const sha256 = (secret: string) => createHash('sha256').update(secret).digest();
const date = (value: Date | string | null) => (value === null ? null : new Date(value));

function recordOf(row: Row): ApiKeyRecord {
  return {
    id: row.key_id,
    organisationId: row.organisation_id,
    role: row.role,
    label: row.label,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    revokedAt: date(row.revoked_at),
    revokedBy: row.revoked_by,
    lastUsedAt: date(row.last_used_at),
  };
}

/**
 * API keys of partner organisations' machine clients. A key is 256 random bits, so a plain
 * SHA-256 of it is a safe verifier (no password stretching needed); the comparison is constant
 * time. Keys are exchanged for short-lived tokens; a revoked key stops working at once, and so do
 * the tokens it was exchanged for (the API checks the key behind every such token).
 */
export class ApiKeyStore {
  private constructor(private readonly database: SqlDatabase) {}

  static async open(database: SqlDatabase): Promise<ApiKeyStore> {
    await migrate(database, 'api-keys', migrations);
    return new ApiKeyStore(database);
  }

  async create(input: {
    organisationId: string;
    role: string;
    label: string;
    createdBy: string;
  }): Promise<CreatedApiKey> {
    if (!PRINCIPAL_ID.test(input.organisationId))
      throw apiKeyError('INVALID_ORGANISATION_ID', 'organisationId must be a valid organisation id');
    if (!(API_KEY_ROLES as readonly string[]).includes(input.role))
      throw apiKeyError('INVALID_API_KEY_ROLE', `role must be one of ${API_KEY_ROLES.join(', ')}`);
    const label = input.label.trim();
    if (label.length === 0 || label.length > 200)
      throw apiKeyError('INVALID_LABEL', 'label must be 1 to 200 characters');
    const id = randomBytes(10).toString('hex').slice(0, 16);
    const secret = randomBytes(32).toString('base64url');
    const [row] = await this.database.query<Row>(
      `insert into api_keys (key_id, secret_sha256, organisation_id, role, label, created_by)
       values ($1, $2, $3, $4, $5, $6) returning *`,
      [id, sha256(secret), input.organisationId, input.role, label, input.createdBy],
    );
    return { record: recordOf(row!), key: `cpk_${id}_${secret}` };
  }

  async list(organisationId?: string | null): Promise<ApiKeyRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from api_keys where ($1::text is null or organisation_id = $1) order by created_at desc, key_id`,
      [organisationId ?? null],
    );
    return rows.map(recordOf);
  }

  async revoke(id: string, revokedBy: string): Promise<ApiKeyRecord> {
    const [row] = await this.database.query<Row>(
      `update api_keys set revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $2)
       where key_id = $1 returning *`,
      [id, revokedBy],
    );
    if (!row) throw apiKeyError('API_KEY_NOT_FOUND', `No API key ${id}`);
    return recordOf(row);
  }

  /** The principal a presented key acts as; refuses unknown, malformed and revoked keys alike in timing. */
  async authenticate(presented: string): Promise<Principal> {
    const match = KEY.exec(presented);
    const [row] = match ? await this.database.query<Row>(`select * from api_keys where key_id = $1`, [match[1]]) : [];
    const expected = row ? Buffer.from(row.secret_sha256) : Buffer.alloc(32);
    const actual = sha256(match?.[2] ?? '');
    if (!row || !match || !timingSafeEqual(expected, actual))
      throw new AuthenticationError('API_KEY_INVALID', 'The API key is not valid');
    if (row.revoked_at !== null) throw new AuthenticationError('API_KEY_REVOKED', 'The API key has been revoked');
    await this.database.query(`update api_keys set last_used_at = now() where key_id = $1`, [row.key_id]);
    return { id: `api-key:${row.key_id}`, role: row.role, organisationId: row.organisation_id, apiKeyId: row.key_id };
  }

  /** Whether tokens exchanged for this key are still good. */
  async isActive(id: string): Promise<boolean> {
    const [row] = await this.database.query<{ active: boolean }>(
      `select revoked_at is null as active from api_keys where key_id = $1`,
      [id],
    );
    return row?.active === true;
  }
}
