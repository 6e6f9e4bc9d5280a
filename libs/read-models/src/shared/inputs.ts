import { ID_PATTERN, idMessage } from '#domain';
import { readSideError } from './read-side.reasons.js';

/** A reader's optional date argument: null when absent, refused (INVALID_DATE) when not a valid date. */
export function validDate(field: string, value: Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw readSideError('INVALID_DATE', `${field} must be a valid date-time`, { field });
  }
  return value;
}

/** Refuses a malformed id (BAD_USER_INPUT, INVALID_ID) before it reaches SQL. */
export function requireId(field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw readSideError('INVALID_ID', idMessage(field), { field });
  }
}
