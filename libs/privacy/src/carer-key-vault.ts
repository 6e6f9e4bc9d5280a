import { randomBytes, randomUUID } from 'node:crypto';
import { migrate, type SqlDatabase } from '#database';
import { requireText, type EncryptedPersonalData } from '#domain';
import { KEY_BYTES, openPersonalData, requireWellFormedEnvelope, sealPersonalData } from './envelope.js';
import { PersonalDataDecryptionError } from './errors.js';
import { privacyMigrations } from './migrations.js';
import { requirePersonalData, type PersonalData } from './personal-data.js';
import { privacyError } from './privacy.reasons.js';

/** What may be said about a carer's key: which one it is, never what it is. */
export interface CarerKeyReference {
  readonly carerId: string;
  readonly keyId: string;
  readonly createdAt: Date;
}

export interface CarerErasureRequest {
  /** The member who erased the data (an id, so the record itself identifies nobody else). */
  readonly erasedBy: string;
  readonly reason: string;
}

export interface CarerErasure {
  readonly erasedAt: Date;
  readonly erasedBy: string;
  readonly reason: string;
}

interface KeyRow {
  key_id: string;
  key: unknown;
  created_at: Date | string;
  erased_at: Date | string | null;
  erased_by: string | null;
  erasure_reason: string | null;
}

const MAX_ID = 200;

/**
 * Crypto-shredding of carers' identifying data. Each carer has one random AES-256 key, kept in
 * the `carer_keys` table of the operational database, apart from the event log; events only ever
 * carry envelopes sealed with it. Erasing a carer destroys the key, which makes every envelope
 * in every event, replica and backup of the log unreadable without rewriting history.
 *
 * Keys are read from the table on every call and never cached: an erasure done by another
 * process must take effect at once, and a key held in memory could outlive its erasure. Key
 * material is never returned, logged or put in an error message; buffers are zeroed after use.
 */
export class CarerKeyVault {
  private constructor(private readonly database: SqlDatabase) {}

  /** Applies the 'privacy' migrations, then returns a ready vault. The caller owns the database. */
  static async open(database: SqlDatabase): Promise<CarerKeyVault> {
    await migrate(database, 'privacy', privacyMigrations);
    return new CarerKeyVault(database);
  }

  /**
   * The carer's key, created on first use. Two callers racing for a new carer both end up with
   * the same key: the insert that loses the race does nothing, and both then read the winner's.
   */
  async keyFor(carerId: string): Promise<CarerKeyReference> {
    const id = requireCarerId(carerId);
    const { row, key } = await this.liveKey(id);
    key.fill(0);
    return { carerId: id, keyId: row.key_id, createdAt: toDate(row.created_at) };
  }

  /** Validates and seals personal data for one carer; refused once the carer has been erased. */
  async encrypt(carerId: string, data: PersonalData): Promise<EncryptedPersonalData> {
    const id = requireCarerId(carerId);
    const personalData = requirePersonalData(data);
    const { row, key } = await this.liveKey(id);
    try {
      return sealPersonalData(key, row.key_id, id, personalData);
    } finally {
      key.fill(0);
    }
  }

  /**
   * Opens an envelope taken from the carer's events. 'erased' is a normal answer (the carer was
   * forgotten); an envelope that does not authenticate throws `PersonalDataDecryptionError`.
   * Decrypting never creates a key: an envelope for a carer without one was not sealed here.
   */
  async decrypt(carerId: string, envelope: EncryptedPersonalData): Promise<PersonalData | 'erased'> {
    const id = requireCarerId(carerId);
    const wellFormed = requireWellFormedEnvelope(id, envelope);
    const row = await this.row(id);
    if (!row) throw new PersonalDataDecryptionError(id, 'UNKNOWN_CARER_KEY', 'the carer has no key');
    if (row.erased_at !== null) return 'erased';
    if (wellFormed.keyId !== row.key_id) {
      throw new PersonalDataDecryptionError(id, 'KEY_MISMATCH', `the envelope names key ${wellFormed.keyId}`);
    }
    const key = keyBytes(row.key);
    try {
      return openPersonalData(key, id, wellFormed);
    } finally {
      key.fill(0);
    }
  }

  /**
   * Destroys the carer's key and records who erased it, when and why. Idempotent: erasing again
   * keeps (and returns) the first record. A carer without a key gets an erased row anyway, so
   * no key can be created for them afterwards.
   */
  async erase(carerId: string, request: CarerErasureRequest): Promise<{ erasedAt: Date }> {
    const id = requireCarerId(carerId);
    const erasedBy = requireText('erasedBy', request.erasedBy, MAX_ID);
    const reason = requireText('reason', request.reason, 500);
    // One statement, so it is atomic against a concurrent keyFor or erase: the conditional update
    // waits for a competing erasure to commit, then finds the row erased and leaves it alone.
    const [updated] = await this.database.query<{ erased_at: Date | string }>(
      `insert into carer_keys (carer_id, key_id, key, erased_at, erased_by, erasure_reason)
       values ($1, $2, null, now(), $3, $4)
       on conflict (carer_id) do update
         set key = null, erased_at = now(), erased_by = excluded.erased_by, erasure_reason = excluded.erasure_reason
         where carer_keys.erased_at is null
       returning erased_at`,
      [id, randomUUID(), erasedBy, reason],
    );
    if (updated) return { erasedAt: toDate(updated.erased_at) };
    const first = await this.erasure(id);
    if (!first) throw new Error(`Carer ${id} is neither erased nor erasable`);
    return { erasedAt: first.erasedAt };
  }

  /** Who erased the carer's personal data, when and why; null if it was not erased. */
  async erasure(carerId: string): Promise<CarerErasure | null> {
    const row = await this.row(requireCarerId(carerId));
    if (!row || row.erased_at === null) return null;
    return { erasedAt: toDate(row.erased_at), erasedBy: row.erased_by ?? '', reason: row.erasure_reason ?? '' };
  }

  private async row(carerId: string): Promise<KeyRow | undefined> {
    const [row] = await this.database.query<KeyRow>(
      `select key_id, key, created_at, erased_at, erased_by, erasure_reason from carer_keys where carer_id = $1`,
      [carerId],
    );
    return row;
  }

  /** The carer's live key, created if missing; throws CARER_ERASED once the key is destroyed. */
  private async liveKey(carerId: string): Promise<{ row: KeyRow; key: Buffer }> {
    let row = await this.row(carerId);
    if (!row) {
      const fresh = randomBytes(KEY_BYTES);
      try {
        await this.database.query(
          `insert into carer_keys (carer_id, key_id, key) values ($1, $2, $3::bytea) on conflict (carer_id) do nothing`,
          [carerId, randomUUID(), fresh],
        );
      } finally {
        fresh.fill(0);
      }
      // A new statement sees whichever insert won, ours or a concurrent one.
      row = await this.row(carerId);
      if (!row) throw new Error(`The key of carer ${carerId} was not stored`);
    }
    if (row.erased_at !== null) {
      throw privacyError('CARER_ERASED', "The carer's personal data was erased", { carerId });
    }
    return { row, key: keyBytes(row.key) };
  }
}

function requireCarerId(carerId: string): string {
  if (typeof carerId !== 'string' || carerId.trim().length === 0 || carerId.length > MAX_ID) {
    throw privacyError('INVALID_ID', `carerId must be a non-empty string of at most ${MAX_ID} characters`, {
      field: 'carerId',
    });
  }
  return carerId;
}

/**
 * `pg` returns bytea as a Buffer, PGlite as a plain Uint8Array; both become a Buffer over the
 * same memory, so zeroing it after use wipes the driver's copy too.
 */
function keyBytes(value: unknown): Buffer {
  let key: Buffer | null = null;
  if (Buffer.isBuffer(value)) key = value;
  // ArrayBuffer.isView, not instanceof: under Jest's VM the driver's Uint8Array is another realm's.
  else if (ArrayBuffer.isView(value)) key = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  // Only if someone registered a text parser for bytea: PostgreSQL's hex output format.
  else if (typeof value === 'string' && value.startsWith('\\x')) key = Buffer.from(value.slice(2), 'hex');
  if (!key || key.length !== KEY_BYTES) throw new Error('A stored carer key is not 256 bits long');
  return key;
}

// typeof rather than instanceof Date: the driver's Date may come from another realm under Jest.
function toDate(value: Date | string): Date {
  return typeof value === 'string' ? new Date(value) : new Date(value.getTime());
}
