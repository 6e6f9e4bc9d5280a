/** Which month of its pilot a project is in at `at` (1-based), or null before it starts. */
export function pilotMonth(startsOn: string, at: Date): number | null {
  const start = new Date(`${startsOn.slice(0, 10)}T00:00:00Z`);
  if (at < start) return null;
  return (at.getUTCFullYear() - start.getUTCFullYear()) * 12 + (at.getUTCMonth() - start.getUTCMonth()) + 1;
}

const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));

/**
 * The calendar months of a pilot as a half-open window [from, to): from the month it starts to the
 * month it ends (pilotMonths includes extensions), but never past the month of `at` (history
 * stops there), and at most the last `limit` months.
 */
export function pilotWindow(
  startsOn: string,
  pilotMonths: number,
  at: Date,
  limit = 24,
): { from: string; to: string } | null {
  const start = new Date(`${startsOn.slice(0, 10)}T00:00:00Z`);
  if (at < start) return null;
  const end = monthStart(start.getUTCFullYear(), start.getUTCMonth() + pilotMonths);
  const untilAt = monthStart(at.getUTCFullYear(), at.getUTCMonth() + 1);
  const to = end < untilAt ? end : untilAt;
  const earliest = monthStart(to.getUTCFullYear(), to.getUTCMonth() - limit);
  const from = monthStart(start.getUTCFullYear(), start.getUTCMonth());
  return { from: (from < earliest ? earliest : from).toISOString(), to: to.toISOString() };
}
