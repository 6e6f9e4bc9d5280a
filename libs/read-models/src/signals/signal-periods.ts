/** Half-open time windows [from, to) and calendar arithmetic, all in UTC. */
export interface Window {
  readonly from: Date;
  readonly to: Date;
}

export type Granularity = 'MONTH' | 'QUARTER';

/** At most this many periods in one series (20 years of months). */
export const MAX_PERIODS = 240;

export function startOfMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const timeOfDay = date.getTime() - Date.UTC(year, month, day);
  // Clamp the day: 31 January + 1 month is 28/29 February, not 3 March (day 0 of the next month
  // is the last day of this one; Date.UTC carries months past December into the next year).
  const lastDay = new Date(Date.UTC(year, month + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month + months, Math.min(day, lastDay)) + timeOfDay);
}

function startOfPeriod(date: Date, granularity: Granularity): Date {
  const month = date.getUTCMonth();
  return new Date(Date.UTC(date.getUTCFullYear(), granularity === 'QUARTER' ? month - (month % 3) : month, 1));
}

/** The calendar months (or quarters) that meet [from, to), each clipped to [from, to). */
export function periodsOf(window: Window, granularity: Granularity): Window[] {
  const step = granularity === 'QUARTER' ? 3 : 1;
  const periods: Window[] = [];
  for (let start = startOfPeriod(window.from, granularity); start < window.to; start = addMonths(start, step)) {
    const end = addMonths(start, step);
    periods.push({
      from: start < window.from ? window.from : start,
      to: end > window.to ? window.to : end,
    });
    if (periods.length > MAX_PERIODS) break;
  }
  return periods;
}

/**
 * The window a query gets when it names none: the framework's `months` calendar months ending with
 * the month of `anchor` (asOf, else knownAt, else now).
 */
export function defaultWindow(anchor: Date, months: number): Window {
  const to = addMonths(startOfMonth(anchor), 1);
  return { from: addMonths(to, -months), to };
}

function isMonthStart(date: Date): boolean {
  return date.getTime() === startOfMonth(date).getTime();
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
}

/** The window just before: the same number of calendar months when both ends are month starts, else the same duration. */
export function previousWindow(window: Window): Window {
  if (isMonthStart(window.from) && isMonthStart(window.to)) {
    return { from: addMonths(window.from, -monthsBetween(window.from, window.to)), to: window.from };
  }
  return { from: new Date(2 * window.from.getTime() - window.to.getTime()), to: window.from };
}

/**
 * How many calendar months of [from, to) fall inside [start, end): each calendar month counts the
 * share of its days covered, so whole months count 1 and half of June counts 0.5.
 */
export function overlapMonths(window: Window, start: Date, end: Date): number {
  const from = Math.max(window.from.getTime(), start.getTime());
  const to = Math.min(window.to.getTime(), end.getTime());
  if (to <= from) return 0;
  // Month starts as numbers: this runs for every event the warnings projection judges.
  const first = new Date(from);
  const year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  let months = 0;
  for (let monthStart = Date.UTC(year, month, 1); monthStart < to;) {
    const monthEnd = Date.UTC(year, ++month, 1);
    const covered = Math.min(to, monthEnd) - Math.max(from, monthStart);
    months += covered / (monthEnd - monthStart);
    monthStart = monthEnd;
  }
  // Round away floating noise so whole months come out whole.
  return Math.round(months * 1e9) / 1e9;
}
