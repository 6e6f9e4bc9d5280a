import { privacyError } from './privacy.reasons.js';

/**
 * What identifies a carer. It never enters the event log in clear: events carry it only as an
 * `EncryptedPersonalData` envelope sealed with the carer's own key (see `CarerKeyVault`).
 */
export interface PersonalData {
  readonly fullName: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
}

export const PERSONAL_DATA_LIMITS = { fullName: 200, phone: 32, email: 254, address: 500 } as const;

// Deliberately loose: one '@', no spaces, a dot in the domain. Stricter patterns reject real addresses.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
// Digits with the usual separators and an optional leading '+'; at least 3 digits.
const PHONE = /^\+?[0-9 ().\-/]+$/;

type Field = keyof PersonalData;

/** The message and details of a refusal of one field, for `privacyError(reason, ...about(field, message))`. */
const about = (field: Field, message: string) =>
  [`personalData.${field} ${message}`, { field: `personalData.${field}` }] as const;

function text(field: Field, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string')
    throw privacyError('INVALID_PERSONAL_DATA', ...about(field, 'must be a string or null'));
  const trimmed = value.trim();
  const max = PERSONAL_DATA_LIMITS[field];
  if (trimmed.length > max) throw privacyError('TOO_LONG', ...about(field, `must be at most ${max} characters`));
  // A form sends '' for a field left empty; storing it as null keeps "unknown" one value.
  return trimmed.length === 0 ? null : trimmed;
}

/**
 * Validates personal data (it may come straight from an API input) and rebuilds it from the four
 * known fields, so nothing else is ever encrypted, and what is decrypted has a known shape.
 */
export function requirePersonalData(value: unknown): PersonalData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw privacyError('INVALID_PERSONAL_DATA', 'personalData must be an object', { field: 'personalData' });
  }
  const input = value as Record<string, unknown>;
  const fullName = text('fullName', input.fullName);
  if (fullName === null) throw privacyError('REQUIRED', ...about('fullName', 'must not be empty'));
  const phone = text('phone', input.phone);
  if (phone !== null && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 3)) {
    throw privacyError('INVALID_PHONE', ...about('phone', 'must be a phone number'));
  }
  const email = text('email', input.email);
  if (email !== null && !EMAIL.test(email))
    throw privacyError('INVALID_EMAIL', ...about('email', 'must be an email address'));
  const address = text('address', input.address);
  return { fullName, phone, email, address };
}
