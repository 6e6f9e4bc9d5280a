import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { requireEncryptedPersonalData, type EncryptedPersonalData } from '#domain';
import { PersonalDataDecryptionError } from './errors.js';
import { requirePersonalData, type PersonalData } from './personal-data.js';

export const KEY_BYTES = 32;
// 96 bits is the IV size GCM is designed for; a random one per message keeps (key, IV) unique.
const IV_BYTES = 12;
// The full 128-bit tag: shorter tags make forgeries cheaper, so none is accepted.
const TAG_BYTES = 16;
// The plain text is padded to a multiple of this, so the ciphertext length does not reveal the
// exact length of a name or address. JSON ignores trailing whitespace, so padding is spaces.
const PAD_TO = 128;

/** The carer id is the AAD: an envelope copied into another carer's event does not authenticate. */
const aad = (carerId: string) => Buffer.from(carerId, 'utf8');

function plaintextOf(data: PersonalData): Buffer {
  const json = Buffer.from(
    JSON.stringify({ fullName: data.fullName, phone: data.phone, email: data.email, address: data.address }),
    'utf8',
  );
  const padded = Buffer.alloc(Math.ceil(json.length / PAD_TO) * PAD_TO, ' ');
  json.copy(padded);
  json.fill(0);
  return padded;
}

/** Encrypts already validated personal data with one carer's key (pure; the vault supplies the key). */
export function sealPersonalData(
  key: Buffer,
  keyId: string,
  carerId: string,
  data: PersonalData,
): EncryptedPersonalData {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(carerId));
  const plaintext = plaintextOf(data);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  return {
    algorithm: 'aes-256-gcm',
    keyId,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    authTag: cipher.getAuthTag().toString('base64'),
  };
}

/** Checks the envelope's shape before any crypto, with the domain's own rules. */
export function requireWellFormedEnvelope(carerId: string, envelope: unknown): EncryptedPersonalData {
  try {
    return requireEncryptedPersonalData(envelope);
  } catch (error) {
    throw new PersonalDataDecryptionError(carerId, 'MALFORMED_ENVELOPE', (error as Error).message);
  }
}

/** Decrypts and authenticates an envelope sealed for `carerId` with `key` (pure). */
export function openPersonalData(key: Buffer, carerId: string, envelope: EncryptedPersonalData): PersonalData {
  const authTag = Buffer.from(envelope.authTag, 'base64');
  if (authTag.length !== TAG_BYTES) {
    throw new PersonalDataDecryptionError(carerId, 'MALFORMED_ENVELOPE', `the tag must be ${TAG_BYTES} bytes`);
  }
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad(carerId));
    decipher.setAuthTag(authTag);
    plaintext = Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64')), decipher.final()]);
  } catch {
    // node:crypto's own message ("Unsupported state or unable to authenticate data") adds nothing.
    throw new PersonalDataDecryptionError(carerId, 'NOT_AUTHENTIC', 'the envelope does not authenticate');
  }
  try {
    return requirePersonalData(JSON.parse(plaintext.toString('utf8')));
  } catch {
    // The validation message could quote the decrypted value; it is not passed on.
    throw new PersonalDataDecryptionError(carerId, 'MALFORMED_PLAINTEXT', 'the plain text is not personal data');
  } finally {
    plaintext.fill(0);
  }
}
