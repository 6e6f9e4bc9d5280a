import type { DecisionContext } from '../shared/decider.js';
import { invalid } from '../shared/errors.js';
import { requireNotInFuture } from '../shared/guards.js';

/**
 * A member id is a pseudonym: letters, digits and `_ - . :` only, so a name ("Maria Rossi") or an
 * e-mail address cannot slip into the event stream as an id.
 */
export function requirePseudonymousId(field: string, value: string): string {
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(value)) {
    throw invalid('NOT_PSEUDONYMOUS', `${field} must be a pseudonymous id (letters, digits, _ - . :)`, { field });
  }
  return value;
}

export function requireListSize<T>(field: string, values: readonly T[], min: number, max: number): readonly T[] {
  if (values.length < min || values.length > max) {
    throw invalid('OUT_OF_RANGE', `${field} must list from ${min} to ${max} items`, { field, min, max });
  }
  return values;
}

export function requireDistinct(field: string, values: readonly string[]): readonly string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) throw invalid('DUPLICATE', `${field} lists ${value} twice`, { field });
    seen.add(key);
  }
  return values;
}

/** Commands that record something that happened must not claim it happened after now. */
export function requireHappened(context: DecisionContext): void {
  requireNotInFuture('occurredAt', context.occurredAt, context.now);
}
