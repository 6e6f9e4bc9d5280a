// Calendar arithmetic is shared with the signals (imported, not changed).
import { addMonths, type Window } from '../signals/index.js';

export { addMonths, type Window };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the day of `date`. */
export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Midnight UTC of the day after the day of `date` (always strictly after `date`). */
export function nextDay(date: Date): Date {
  return new Date(startOfDay(date).getTime() + DAY_MS);
}

/**
 * How many months of the pilot fall inside the window. The pilot runs from `startsOn` for
 * `pilotMonths` months; its k-th month is [startsOn + k months, startsOn + k + 1 months). Each pilot
 * month counts the share of its duration inside [from, to), so a window covering the whole pilot
 * counts exactly `pilotMonths`, and a window covering half of one pilot month counts 0.5.
 */
export function pilotMonthsIn(window: Window, startsOn: Date, pilotMonths: number): number {
  let months = 0;
  for (let k = 0; k < pilotMonths; k++) {
    const monthStart = addMonths(startsOn, k).getTime();
    const monthEnd = addMonths(startsOn, k + 1).getTime();
    const covered = Math.min(window.to.getTime(), monthEnd) - Math.max(window.from.getTime(), monthStart);
    if (covered > 0) months += covered / (monthEnd - monthStart);
  }
  // Round away floating noise so whole months come out whole.
  return Math.round(months * 1e9) / 1e9;
}
