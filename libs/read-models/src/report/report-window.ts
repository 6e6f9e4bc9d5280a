import type { SqlExecutor } from '#database';
import { validDate } from '../shared/index.js';
import { readSideError } from '../shared/read-side.reasons.js';
import { nextDay, startOfDay, type Window } from './pilot-months.js';
import { REPORT, SIGNALS, toDate, VISIBLE, type Timestamp, type Travel } from './report-query.js';
import type { ReportHistory } from './report-settings.js';

/** A requested window, refused (INVALID_DATE, INVALID_WINDOW) unless it is a non-empty half-open [from, to). */
export function validWindow(window: Window | null | undefined): Window | null {
  if (!window) return null;
  validDate('window.from', window.from);
  validDate('window.to', window.to);
  if (!(window.from < window.to)) {
    throw readSideError('INVALID_WINDOW', 'window.from must be before window.to (windows are half-open [from, to))', {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
    });
  }
  return window;
}

/**
 * The whole project as recorded: from the earliest of the pilot's start, the first visible fact
 * and the first reading period (at midnight UTC), to the later of the day after the last visible
 * fact and the end of the last reading period. Mid-pilot it ends with what is recorded so far, so
 * cadence targets count the months elapsed rather than the whole planned pilot. It depends only
 * on visible facts (never on asOf itself), so time travel still equals a replay of the truncated
 * history. Null when nothing of the project is visible.
 */
export async function defaultReportWindow(
  database: SqlExecutor,
  travel: Travel,
  history: ReportHistory | null,
): Promise<Window | null> {
  const [row] = await database.query<{
    first_at: Timestamp;
    last_at: Timestamp;
    first_period: Timestamp;
    last_period: Timestamp;
  }>(
    `select min(f.occurred_at) as first_at, max(f.occurred_at) as last_at,
            min(f.period_start) as first_period, max(f.period_end) as last_period
     from (
       select x.occurred_at, null::timestamptz as period_start, null::timestamptz as period_end
       from ${SIGNALS} x where x.project_id = $1 and ${VISIBLE('x')}
       union all
       select x.occurred_at, x.period_start, x.period_end
       from ${REPORT} x where x.project_id = $1 and ${VISIBLE('x')}
     ) f`,
    travel,
  );
  const starts: Date[] = history ? [history.startsOn] : [];
  const ends: Date[] = [];
  const firstAt = toDate(row?.first_at ?? null);
  const lastAt = toDate(row?.last_at ?? null);
  const firstPeriod = toDate(row?.first_period ?? null);
  const lastPeriod = toDate(row?.last_period ?? null);
  if (firstAt) starts.push(firstAt);
  if (firstPeriod) starts.push(firstPeriod);
  if (lastAt) ends.push(nextDay(lastAt));
  if (lastPeriod) ends.push(lastPeriod);
  if (starts.length === 0 || ends.length === 0) return null;
  const from = startOfDay(new Date(Math.min(...starts.map((d) => d.getTime()))));
  const to = new Date(Math.max(...ends.map((d) => d.getTime())));
  return { from, to };
}
