import { carerError } from './carer.reasons.js';

/**
 * A carer's identifying data (name, contact), encrypted at the edge with a per-carer key
 * (AES-256-GCM); all binary fields are standard base64. Destroying the key erases the data
 * from every event that ever carried the envelope.
 */
export interface EncryptedPersonalData {
  readonly algorithm: 'aes-256-gcm';
  readonly keyId: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly authTag: string;
}

const ENVELOPE_KEYS = ['algorithm', 'keyId', 'iv', 'ciphertext', 'authTag'] as const;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// GCM allows 96- to 128-bit IVs and tags; anything outside that is not what the edge produced.
const GCM_BYTES = { min: 12, max: 16 };
const MAX_CIPHERTEXT_CHARS = 16_384;

const malformed = (field: string | null, message: string) =>
  carerError('INVALID_PERSONAL_DATA_ENVELOPE', message, { field: field ? `personalData.${field}` : 'personalData' });

function base64Bytes(value: string): number {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

function requireBase64(field: 'iv' | 'ciphertext' | 'authTag', value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || !BASE64.test(value)) {
    throw malformed(field, `personalData.${field} must be a non-empty base64 string`);
  }
  return value;
}

function requireGcmLength(field: 'iv' | 'authTag', value: string): string {
  const bytes = base64Bytes(value);
  if (bytes < GCM_BYTES.min || bytes > GCM_BYTES.max) {
    throw malformed(field, `personalData.${field} must be ${GCM_BYTES.min} to ${GCM_BYTES.max} bytes`);
  }
  return value;
}

/**
 * Checks the envelope field by field (it may come straight from an API input) and rebuilds it,
 * so nothing beside the five known fields, such as a plain-text name, can slip into an event.
 */
export function requireEncryptedPersonalData(value: unknown): EncryptedPersonalData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed(null, 'personalData must be an encrypted envelope');
  }
  const envelope = value as Record<string, unknown>;
  const unexpected = Object.keys(envelope).find((key) => !(ENVELOPE_KEYS as readonly string[]).includes(key));
  if (unexpected !== undefined) throw malformed(unexpected, `personalData.${unexpected} is not an envelope field`);
  if (envelope.algorithm !== 'aes-256-gcm') {
    throw carerError('UNSUPPORTED_ENCRYPTION_ALGORITHM', 'personalData must be encrypted with aes-256-gcm', {
      field: 'personalData.algorithm',
    });
  }
  const keyId = envelope.keyId;
  if (typeof keyId !== 'string' || keyId.trim().length === 0 || keyId.length > 200) {
    throw malformed('keyId', 'personalData.keyId must be a non-empty string of at most 200 characters');
  }
  const ciphertext = requireBase64('ciphertext', envelope.ciphertext);
  if (ciphertext.length > MAX_CIPHERTEXT_CHARS) {
    throw malformed('ciphertext', `personalData.ciphertext must be at most ${MAX_CIPHERTEXT_CHARS} characters`);
  }
  return {
    algorithm: 'aes-256-gcm',
    keyId,
    iv: requireGcmLength('iv', requireBase64('iv', envelope.iv)),
    ciphertext,
    authTag: requireGcmLength('authTag', requireBase64('authTag', envelope.authTag)),
  };
}
