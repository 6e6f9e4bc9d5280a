import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgDatabase, PgliteDatabase, type SqlDatabase } from '#database';
import { DomainError, requireEncryptedPersonalData, type EncryptedPersonalData } from '#domain';
import { postgresTestUrl, uniqueSchema } from '#database/testing';
import { CarerKeyVault } from './carer-key-vault.js';
import { PersonalDataDecryptionError, type PersonalDataDecryptionFailure } from './errors.js';
import type { PersonalData } from './personal-data.js';

const someone: PersonalData = {
  fullName: 'Giovanna Bertolini',
  phone: '+39 0342 555 0199',
  email: 'giovanna.bertolini@example.org',
  address: 'Via della Chiesa 12, Valmalenco',
};

const newCarerId = () => `carer-${randomUUID()}`;

/** Flips one bit of a base64 field, which is what a corrupted or forged envelope looks like. */
function flipped(base64: string, index = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString('base64');
}

async function decryptionFailure(attempt: Promise<unknown>): Promise<PersonalDataDecryptionFailure> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PersonalDataDecryptionError);
  return (error as PersonalDataDecryptionError).failure;
}

async function domainReason(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).reason;
}

interface OpenedDatabase {
  readonly database: SqlDatabase;
  readonly dispose: () => Promise<void>;
}

function carerKeyVaultSuite(name: string, open: () => Promise<OpenedDatabase>): void {
  describe(`CarerKeyVault on ${name}`, () => {
    let opened: OpenedDatabase;
    let database: SqlDatabase;
    let vault: CarerKeyVault;

    const rawRow = async (carerId: string) => {
      const [row] = await database.query<{ key: unknown; key_bytes: number | null; erased_by: string | null }>(
        'select key, octet_length(key) as key_bytes, erased_by from carer_keys where carer_id = $1',
        [carerId],
      );
      return row;
    };
    const rowCount = async (carerId: string) => {
      const [row] = await database.query<{ n: number | string }>(
        'select count(*) as n from carer_keys where carer_id = $1',
        [carerId],
      );
      return Number(row!.n);
    };

    beforeAll(async () => {
      opened = await open();
      database = opened.database;
      vault = await CarerKeyVault.open(database);
    });

    afterAll(async () => {
      await opened?.dispose();
    });

    it('applies its migrations once: opening again is a no-op', async () => {
      await expect(CarerKeyVault.open(database)).resolves.toBeInstanceOf(CarerKeyVault);
      const rows = await database.query<{ version: number }>(
        `select version from schema_migrations where namespace = 'privacy'`,
      );
      expect(rows.map((row) => Number(row.version))).toEqual([1]);
    });

    it('round-trips personal data in an envelope the domain accepts as it is', async () => {
      const carerId = newCarerId();
      const envelope = await vault.encrypt(carerId, someone);

      expect(Object.keys(envelope).sort()).toEqual(['algorithm', 'authTag', 'ciphertext', 'iv', 'keyId']);
      expect(requireEncryptedPersonalData(envelope)).toEqual(envelope);
      expect(envelope.algorithm).toBe('aes-256-gcm');
      expect(envelope.keyId).toBe((await vault.keyFor(carerId)).keyId);
      expect(Buffer.from(envelope.iv, 'base64')).toHaveLength(12);
      expect(Buffer.from(envelope.authTag, 'base64')).toHaveLength(16);
      await expect(vault.decrypt(carerId, envelope)).resolves.toEqual(someone);
    });

    it('round-trips missing contact details, and trims what it stores', async () => {
      const carerId = newCarerId();
      const envelope = await vault.encrypt(carerId, {
        fullName: '  Ada Rossi ',
        phone: null,
        email: '',
        address: null,
      });
      await expect(vault.decrypt(carerId, envelope)).resolves.toEqual({
        fullName: 'Ada Rossi',
        phone: null,
        email: null,
        address: null,
      });
    });

    it('keeps the name out of the ciphertext and the envelope', async () => {
      const envelope = await vault.encrypt(newCarerId(), someone);
      const ciphertext = Buffer.from(envelope.ciphertext, 'base64');
      const json = JSON.stringify(envelope);
      for (const secret of [someone.fullName, 'Bertolini', someone.email!, someone.address!]) {
        expect(ciphertext.includes(Buffer.from(secret, 'utf8'))).toBe(false);
        expect(ciphertext.toString('latin1')).not.toContain(secret);
        expect(json).not.toContain(secret);
      }
    });

    it('pads the plain text, so names of different lengths give ciphertexts of one length', async () => {
      const carerId = newCarerId();
      const short = await vault.encrypt(carerId, { fullName: 'Al', phone: null, email: null, address: null });
      const longer = await vault.encrypt(carerId, {
        fullName: 'Maria Cristina Fontana',
        phone: null,
        email: null,
        address: null,
      });
      expect(Buffer.from(short.ciphertext, 'base64').length % 128).toBe(0);
      expect(short.ciphertext.length).toBe(longer.ciphertext.length);
    });

    it('uses a fresh iv for every encryption, even of the same data', async () => {
      const carerId = newCarerId();
      const envelopes = await Promise.all(Array.from({ length: 20 }, () => vault.encrypt(carerId, someone)));
      expect(new Set(envelopes.map((e) => e.iv)).size).toBe(20);
      expect(new Set(envelopes.map((e) => e.ciphertext)).size).toBe(20);
      expect(new Set(envelopes.map((e) => e.keyId)).size).toBe(1);
    });

    it('rejects a tampered ciphertext, tag or iv with the typed error', async () => {
      const carerId = newCarerId();
      const envelope = await vault.encrypt(carerId, someone);
      const tampered: EncryptedPersonalData[] = [
        { ...envelope, ciphertext: flipped(envelope.ciphertext) },
        { ...envelope, ciphertext: flipped(envelope.ciphertext, 40) },
        { ...envelope, authTag: flipped(envelope.authTag) },
        { ...envelope, authTag: flipped(envelope.authTag, 15) },
        { ...envelope, iv: flipped(envelope.iv) },
      ];
      for (const forged of tampered) {
        expect(await decryptionFailure(vault.decrypt(carerId, forged))).toBe('NOT_AUTHENTIC');
      }
      // The untouched envelope still opens: the failures above were the tampering, not the key.
      await expect(vault.decrypt(carerId, envelope)).resolves.toEqual(someone);
    });

    it("rejects an envelope moved to another carer, even relabelled with that carer's key id", async () => {
      const alice = newCarerId();
      const bob = newCarerId();
      const aliceEnvelope = await vault.encrypt(alice, someone);
      const bobKey = await vault.keyFor(bob);

      expect(await decryptionFailure(vault.decrypt(bob, aliceEnvelope))).toBe('KEY_MISMATCH');
      expect(await decryptionFailure(vault.decrypt(bob, { ...aliceEnvelope, keyId: bobKey.keyId }))).toBe(
        'NOT_AUTHENTIC',
      );
    });

    it('rejects malformed envelopes and a truncated tag before any decryption', async () => {
      const carerId = newCarerId();
      const envelope = await vault.encrypt(carerId, someone);
      const truncatedTag = Buffer.from(envelope.authTag, 'base64').subarray(0, 12).toString('base64');
      const malformed: unknown[] = [
        { ...envelope, iv: 'not base64!' },
        { ...envelope, algorithm: 'aes-128-cbc' },
        { ...envelope, fullName: someone.fullName },
        { ...envelope, authTag: truncatedTag },
        null,
      ];
      for (const value of malformed) {
        expect(await decryptionFailure(vault.decrypt(carerId, value as EncryptedPersonalData))).toBe(
          'MALFORMED_ENVELOPE',
        );
      }
    });

    it('never creates a key while decrypting: an unknown carer is a typed failure', async () => {
      const stranger = newCarerId();
      const envelope = await vault.encrypt(newCarerId(), someone);
      expect(await decryptionFailure(vault.decrypt(stranger, envelope))).toBe('UNKNOWN_CARER_KEY');
      expect(await rowCount(stranger)).toBe(0);
    });

    it('validates personal data before creating any key', async () => {
      const carerId = newCarerId();
      const invalid: [PersonalData, string][] = [
        [{ ...someone, fullName: '   ' }, 'REQUIRED'],
        [{ ...someone, fullName: 'x'.repeat(201) }, 'TOO_LONG'],
        [{ ...someone, email: 'not-an-email' }, 'INVALID_EMAIL'],
        [{ ...someone, email: 'a@b' }, 'INVALID_EMAIL'],
        [{ ...someone, phone: 'call me' }, 'INVALID_PHONE'],
        [{ ...someone, address: 'x'.repeat(501) }, 'TOO_LONG'],
      ];
      for (const [data, reason] of invalid) {
        expect(await domainReason(vault.encrypt(carerId, data))).toBe(reason);
      }
      expect(await rowCount(carerId)).toBe(0);
    });

    it('stores the key as 32 bytes of bytea, and never hands it out', async () => {
      const carerId = newCarerId();
      const reference = await vault.keyFor(carerId);
      expect(Object.keys(reference).sort()).toEqual(['carerId', 'createdAt', 'keyId']);
      expect(reference.createdAt).toBeInstanceOf(Date);

      const row = await rawRow(carerId);
      expect(Number(row!.key_bytes)).toBe(32);
      const key = Buffer.from(row!.key as Uint8Array);
      const envelope = await vault.encrypt(carerId, someone);
      const visible = JSON.stringify([reference, envelope]);
      expect(visible).not.toContain(key.toString('base64'));
      expect(visible).not.toContain(key.toString('hex'));

      const failure = await vault
        .decrypt(carerId, { ...envelope, authTag: flipped(envelope.authTag) })
        .catch((error: Error) => error);
      expect(String((failure as Error).message)).not.toContain(key.toString('base64'));
      // The driver's buffer was zeroed after use, but the row in the table is intact.
      expect(Number((await rawRow(carerId))!.key_bytes)).toBe(32);
      await expect(vault.decrypt(carerId, envelope)).resolves.toEqual(someone);
    });

    it('hands concurrent callers for a new carer one and the same key', async () => {
      const carerId = newCarerId();
      const references = await Promise.all(Array.from({ length: 10 }, () => vault.keyFor(carerId)));
      expect(new Set(references.map((r) => r.keyId)).size).toBe(1);
      expect(await rowCount(carerId)).toBe(1);

      const other = newCarerId();
      const envelopes = await Promise.all(Array.from({ length: 10 }, () => vault.encrypt(other, someone)));
      expect(new Set(envelopes.map((e) => e.keyId)).size).toBe(1);
      for (const envelope of envelopes) await expect(vault.decrypt(other, envelope)).resolves.toEqual(someone);
    });

    it('erases: the key becomes NULL, envelopes read as erased and no new data can be sealed', async () => {
      const carerId = newCarerId();
      const envelope = await vault.encrypt(carerId, someone);
      const before = Date.now();
      const { erasedAt } = await vault.erase(carerId, { erasedBy: 'member-7', reason: 'Request under GDPR art. 17' });

      expect(erasedAt).toBeInstanceOf(Date);
      expect(Math.abs(erasedAt.getTime() - before)).toBeLessThan(60_000);
      const row = await rawRow(carerId);
      expect(row!.key).toBeNull();
      expect(row!.erased_by).toBe('member-7');
      await expect(vault.decrypt(carerId, envelope)).resolves.toBe('erased');
      // Even a tampered envelope of an erased carer says nothing more than 'erased'.
      await expect(vault.decrypt(carerId, { ...envelope, authTag: flipped(envelope.authTag) })).resolves.toBe('erased');
      await expect(vault.erasure(carerId)).resolves.toEqual({
        erasedAt,
        erasedBy: 'member-7',
        reason: 'Request under GDPR art. 17',
      });
      expect(await domainReason(vault.encrypt(carerId, someone))).toBe('CARER_ERASED');
      expect(await domainReason(vault.keyFor(carerId))).toBe('CARER_ERASED');
    });

    it('keeps the first erasure record when erased twice', async () => {
      const carerId = newCarerId();
      await vault.keyFor(carerId);
      const first = await vault.erase(carerId, { erasedBy: 'member-1', reason: 'carer asked' });
      const second = await vault.erase(carerId, { erasedBy: 'member-2', reason: 'retention period over' });

      expect(second.erasedAt).toEqual(first.erasedAt);
      await expect(vault.erasure(carerId)).resolves.toEqual({
        erasedAt: first.erasedAt,
        erasedBy: 'member-1',
        reason: 'carer asked',
      });
    });

    it('records exactly one erasure when erasures race', async () => {
      const carerId = newCarerId();
      await vault.keyFor(carerId);
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => vault.erase(carerId, { erasedBy: `member-${i}`, reason: 'race' })),
      );
      const erasure = await vault.erasure(carerId);
      expect(new Set(results.map((r) => r.erasedAt.getTime()))).toEqual(new Set([erasure!.erasedAt.getTime()]));
      expect(erasure!.erasedBy).toMatch(/^member-[0-4]$/);
      expect(await rowCount(carerId)).toBe(1);
    });

    it('erases a carer who never had a key, so none can be created later', async () => {
      const carerId = newCarerId();
      await vault.erase(carerId, { erasedBy: 'member-3', reason: 'carer asked before any data was stored' });
      expect((await rawRow(carerId))!.key).toBeNull();
      expect(await domainReason(vault.keyFor(carerId))).toBe('CARER_ERASED');
    });

    it('answers null for a carer who was not erased, and validates the erasure request', async () => {
      const carerId = newCarerId();
      await vault.keyFor(carerId);
      await expect(vault.erasure(carerId)).resolves.toBeNull();
      await expect(vault.erasure(newCarerId())).resolves.toBeNull();
      expect(await domainReason(vault.erase(carerId, { erasedBy: ' ', reason: 'why' }))).toBe('REQUIRED');
      expect(await domainReason(vault.erase(carerId, { erasedBy: 'member-1', reason: '' }))).toBe('REQUIRED');
      expect(await domainReason(vault.keyFor(''))).toBe('INVALID_ID');
      await expect(vault.erasure(carerId)).resolves.toBeNull();
    });
  });
}

carerKeyVaultSuite('PGlite', async () => {
  const database = await PgliteDatabase.open();
  return { database, dispose: () => database.close() };
});

const url = postgresTestUrl();
if (!url) {
  describe('CarerKeyVault on PostgreSQL', () => {
    it.skip('skipped: DATABASE_URL is not set, so there is no PostgreSQL server to run against', () => undefined);
  });
} else {
  carerKeyVaultSuite('PostgreSQL', async () => {
    const database = await PgDatabase.open({ connectionString: url, schema: uniqueSchema('priv') });
    return {
      database,
      dispose: async () => {
        await database.dropSchema();
        await database.close();
      },
    };
  });
}
