import { sharedError } from './shared.reasons.js';

/** Invariant checks shared by the deciders; each throws an `invalid` DomainError naming the field. */
export function requireText(field: string, value: string, max = 500): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw sharedError('REQUIRED', `${field} must not be empty`, { field });
  if (trimmed.length > max) throw sharedError('TOO_LONG', `${field} must be at most ${max} characters`, { field, max });
  return trimmed;
}

export function requireInteger(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw sharedError('OUT_OF_RANGE', `${field} must be an integer from ${min} to ${max}`, { field, min, max });
  }
  return value;
}

export function requireRatio(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw sharedError('OUT_OF_RANGE', `${field} must be a number from 0 to 1`, { field, min: 0, max: 1 });
  }
  return value;
}

export function requireOneOf<T extends string>(field: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw sharedError('NOT_ALLOWED', `${field} must be one of ${allowed.join(', ')}`, { field });
  }
  return value;
}

/** A fact cannot be recorded as having happened after the moment it is recorded. */
export function requireNotInFuture(field: string, value: Date, now: Date): Date {
  if (Number.isNaN(value.getTime())) throw sharedError('INVALID_DATE', `${field} is not a valid date`, { field });
  if (value.getTime() > now.getTime()) {
    throw sharedError('IN_THE_FUTURE', `${field} ${value.toISOString()} is in the future`, { field });
  }
  return value;
}

export function requireValidDate(field: string, value: Date): Date {
  if (Number.isNaN(value.getTime())) throw sharedError('INVALID_DATE', `${field} is not a valid date`, { field });
  return value;
}
