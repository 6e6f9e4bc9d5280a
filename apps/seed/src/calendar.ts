/** Date arithmetic on UTC instants: the demo's facts are dated in UTC so runs agree on every machine. */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const addMinutes = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * MINUTE);
export const addHours = (date: Date, hours: number): Date => addMinutes(date, hours * 60);
export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY);

/** Same day of month, `months` later (clamped to the month's last day: 31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The same day at hh:mm UTC. */
export function atTime(date: Date, hours: number, minutes = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hours, minutes));
}

/** The first given weekday (0 = Sunday ... 6 = Saturday) on or after the date. */
export function nextWeekday(date: Date, weekday: number): Date {
  return addDays(date, (weekday - date.getUTCDay() + 7) % 7);
}

/** A uniformly drawn instant between two others (`draw` is a [0, 1) number from the seeded generator). */
export function between(from: Date, to: Date, draw: number): Date {
  return new Date(from.getTime() + Math.floor((to.getTime() - from.getTime()) * draw));
}

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export const daysBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / DAY;

/** December to February: snow on the valley roads. */
export const isWinter = (date: Date): boolean => [11, 0, 1].includes(date.getUTCMonth());

export const latest = (...dates: Date[]): Date => new Date(Math.max(...dates.map((d) => d.getTime())));
export const earliest = (...dates: Date[]): Date => new Date(Math.min(...dates.map((d) => d.getTime())));
