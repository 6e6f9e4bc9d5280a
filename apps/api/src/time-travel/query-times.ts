import { queryError } from '../read-side/query.reasons.js';

/** Clocks and time zones differ: a moment up to a day ahead of the server's clock is still "now". */
export const CLOCK_SLACK_MS = 86_400_000;

const slackedNow = (now: Date) => new Date(now.getTime() + CLOCK_SLACK_MS);

/**
 * The latest end a query window may have: the end of the current calendar quarter, so "this month"
 * and "this quarter" can be asked for whole, while a window that reaches further is a mistake
 * (nothing can have happened there yet) and gets a typed error rather than an empty answer.
 */
export function windowHorizon(now: Date): Date {
  const ahead = slackedNow(now);
  const nextQuarter = Math.floor(ahead.getUTCMonth() / 3) * 3 + 3;
  return new Date(Date.UTC(ahead.getUTCFullYear(), nextQuarter, 1));
}

/** `asOf`, `knownAt` and window starts: history cannot be asked for a moment that has not come. */
export function requirePastMoment(field: string, value: Date | null | undefined, now: Date = new Date()): void {
  if (!value || Number.isNaN(value.getTime())) return;
  if (value.getTime() > slackedNow(now).getTime()) {
    throw queryError(
      'IN_THE_FUTURE',
      `${field} ${value.toISOString()} is in the future; ask for a moment up to now (a day of slack is allowed)`,
      { field },
    );
  }
}

/** A half-open window [from, to) supplied by a caller; the readers check from < to themselves. */
export function requireQueryWindow(
  field: string,
  window: { readonly from?: Date | null; readonly to?: Date | null } | null | undefined,
  now: Date = new Date(),
): void {
  if (!window) return;
  requirePastMoment(`${field === '' ? '' : `${field}.`}from`, window.from, now);
  const to = window.to;
  if (!to || Number.isNaN(to.getTime())) return;
  const horizon = windowHorizon(now);
  if (to.getTime() > horizon.getTime()) {
    const name = `${field === '' ? '' : `${field}.`}to`;
    throw queryError(
      'IN_THE_FUTURE',
      `${name} ${to.toISOString()} is beyond the current quarter (${horizon.toISOString()}); nothing can have happened there yet`,
      { field: name },
    );
  }
}

/** The time-travel arguments every signal and report query takes. */
export function requireQueryTimes(
  times: {
    readonly asOf?: Date | null;
    readonly knownAt?: Date | null;
    readonly window?: { readonly from?: Date | null; readonly to?: Date | null } | null;
  },
  now: Date = new Date(),
): void {
  requirePastMoment('asOf', times.asOf, now);
  requirePastMoment('knownAt', times.knownAt, now);
  requireQueryWindow('window', times.window, now);
}
