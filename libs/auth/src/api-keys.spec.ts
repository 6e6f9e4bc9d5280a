import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgDatabase, PgliteDatabase, type SqlDatabase } from '#database';
import { DomainError } from '#domain';
import { postgresTestUrl, uniqueSchema } from '#database/testing';
import { ApiKeyStore } from './api-keys.js';
import { AuthenticationError } from './errors.js';

async function failure(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof AuthenticationError || error instanceof DomainError) return error.reason;
  throw new Error(`expected a typed refusal, got ${String(error)}`);
}

function apiKeySuite(name: string, open: () => Promise<{ database: SqlDatabase; dispose: () => Promise<void> }>) {
  describe(`ApiKeyStore on ${name}`, () => {
    let database: SqlDatabase;
    let dispose: () => Promise<void>;
    let store: ApiKeyStore;

    beforeAll(async () => {
      ({ database, dispose } = await open());
      store = await ApiKeyStore.open(database);
    });
    afterAll(() => dispose());

    it('creates a key shown once, stores only its hash, and authenticates it as the organisation', async () => {
      const { record, key } = await store.create({
        organisationId: 'org-home-care',
        role: 'provider',
        label: 'rota export',
        createdBy: 'admin-1',
      });
      expect(key).toMatch(/^cpk_[a-z0-9]{16}_/);
      const rows = await database.query<Record<string, unknown>>('select * from api_keys where key_id = $1', [
        record.id,
      ]);
      // The secret is base64url, so it may itself hold '_': take everything after the key id.
      const secret = key.slice(`cpk_${record.id}_`.length);
      expect(secret.length).toBeGreaterThanOrEqual(43);
      expect(JSON.stringify(rows)).not.toContain(secret);
      await expect(store.authenticate(key)).resolves.toEqual({
        id: `api-key:${record.id}`,
        role: 'provider',
        organisationId: 'org-home-care',
        apiKeyId: record.id,
      });
      expect((await store.list('org-home-care')).find((k) => k.id === record.id)?.lastUsedAt).toBeInstanceOf(Date);
    });

    it('refuses a wrong secret for a real key id, and malformed keys', async () => {
      const { key } = await store.create({
        organisationId: 'org-a',
        role: 'analyst',
        label: 'x',
        createdBy: 'admin-1',
      });
      const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
      expect(await failure(store.authenticate(tampered))).toBe('API_KEY_INVALID');
      expect(await failure(store.authenticate('cpk_nope'))).toBe('API_KEY_INVALID');
      expect(await failure(store.authenticate(''))).toBe('API_KEY_INVALID');
    });

    it('revokes: the key stops authenticating and is no longer active; revoking twice keeps the first record', async () => {
      const { record, key } = await store.create({
        organisationId: 'org-b',
        role: 'researcher',
        label: 'nightly',
        createdBy: 'admin-1',
      });
      expect(await store.isActive(record.id)).toBe(true);
      const revoked = await store.revoke(record.id, 'admin-2');
      expect(revoked.revokedBy).toBe('admin-2');
      expect((await store.revoke(record.id, 'admin-3')).revokedBy).toBe('admin-2');
      expect(await store.isActive(record.id)).toBe(false);
      expect(await failure(store.authenticate(key))).toBe('API_KEY_REVOKED');
      expect(await failure(store.revoke('unknown', 'admin-1'))).toBe('API_KEY_NOT_FOUND');
    });

    it.each([
      [{ role: 'admin' }, 'INVALID_API_KEY_ROLE'],
      [{ role: 'carer' }, 'INVALID_API_KEY_ROLE'],
      [{ organisationId: 'bad id;' }, 'INVALID_ORGANISATION_ID'],
      [{ label: '   ' }, 'INVALID_LABEL'],
    ])('refuses to create %j', async (change, expected) => {
      const before = (await store.list()).length;
      expect(
        await failure(
          store.create({ organisationId: 'org-a', role: 'provider', label: 'x', createdBy: 'admin-1', ...change }),
        ),
      ).toBe(expected);
      expect(await store.list()).toHaveLength(before);
    });
  });
}

apiKeySuite('PGlite', async () => {
  const database = await PgliteDatabase.open();
  return { database, dispose: () => database.close() };
});

const url = postgresTestUrl();
if (!url) {
  describe('ApiKeyStore on PostgreSQL', () => {
    it.skip('skipped: DATABASE_URL is not set, so there is no PostgreSQL server to run against', () => undefined);
  });
} else {
  apiKeySuite('PostgreSQL', async () => {
    const database = await PgDatabase.open({ connectionString: url, schema: uniqueSchema('keys') });
    return {
      database,
      dispose: async () => {
        await database.dropSchema();
        await database.close();
      },
    };
  });
}
