import { sharedError } from '../shared/shared.reasons.js';

// A token without spaces or "@" cannot carry a full name, an e-mail address or a street address.
const PSEUDONYM = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** A reference to a person (carer id, member id, patient ref) that must stay pseudonymous in events. */
export function requirePseudonymousRef(field: string, value: string): string {
  if (!PSEUDONYM.test(value)) {
    throw sharedError('NOT_PSEUDONYMOUS', `${field} must be a pseudonymous reference (letters, digits, . _ : -)`, {
      field,
    });
  }
  return value;
}
