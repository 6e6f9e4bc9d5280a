import type { SqlExecutor } from '#database';
import { CHANNEL_COUNTERS, type ChannelCounter, type ChannelReadingKind } from '#domain';
import {
  ORDER,
  REPORT,
  toDate,
  toNumber,
  VISIBLE,
  type AtWindowEnd,
  type InWindow,
  type Timestamp,
} from './report-query.js';

/** Per counter, whether a reading counted in the window gave it (a recorded 0 is measured). */
export type CountersMeasured = { readonly [C in ChannelCounter]: boolean };

export interface ChannelCounters {
  readonly readings: number;
  /** What happened in the window (below); null when not measured: no reading counted in the window gave it. */
  readonly likes: number | null;
  readonly visits: number | null;
  readonly downloads: number | null;
  readonly shares: number | null;
  readonly measured: CountersMeasured;
}

export interface ChannelLine extends ChannelCounters {
  readonly channelId: string;
  /** Null when the channel's registration is not visible. */
  readonly kind: string | null;
  readonly name: string | null;
  readonly retired: boolean;
  /** What the channel's readings counted in the window count; null when none is. */
  readonly readingKind: ChannelReadingKind | null;
  /**
   * The span the counted readings measured: from the earliest start to the latest end. A span
   * starting before the window's `from` says the figures cover more than the window.
   */
  readonly measuredFrom: Date | null;
  readonly measuredTo: Date | null;
  /** NewPatientInformed facts of the channel in the window; 0 as well when not measured (see the flag). */
  readonly newPatientsInformed: number;
  /** True when a patient was recorded in the window or a check of the channel's new patients overlaps it. */
  readonly newPatientsInformedMeasured: boolean;
}

/** A reading as an increment over [start, end): a running total less the channel's previous one. */
export interface ReadingIncrement {
  readonly channelId: string;
  readonly readingKind: ChannelReadingKind;
  readonly start: Date;
  readonly end: Date;
  readonly counters: { readonly [C in ChannelCounter]: number | null };
}

interface ReadingRow {
  channel_id: string;
  reading_kind: string | null;
  period_start: Timestamp;
  period_end: Timestamp;
  likes: number | null;
  visits: number | null;
  downloads: number | null;
  shares: number | null;
}

/**
 * Every reading as an increment, in each channel's order. An increment is itself. A running total
 * becomes what its counter gained since the channel's previous running total that gave that
 * counter (or since the total's own start, when the counter stood at 0), over [the previous
 * total's end (or its start), its end). A counter a reading left out stays null.
 */
export function readingIncrements(rows: readonly ReadingRow[]): ReadingIncrement[] {
  const lastTotal = new Map<string, Partial<Record<ChannelCounter, number>>>();
  const lastEnd = new Map<string, Date>();
  return rows.flatMap((row): ReadingIncrement[] => {
    const start = toDate(row.period_start);
    const end = toDate(row.period_end);
    if (!start || !end) return [];
    const counters = Object.fromEntries(
      CHANNEL_COUNTERS.map((c) => [c, toNumber(row[c])]),
    ) as ReadingIncrement['counters'];
    // Rows written before readings had a kind were increments (the v1 upcaster says the same).
    if (row.reading_kind !== 'running_total') {
      return [{ channelId: row.channel_id, readingKind: 'increment', start, end, counters }];
    }
    const last = lastTotal.get(row.channel_id) ?? {};
    const since = lastEnd.get(row.channel_id) ?? start;
    const gained = Object.fromEntries(
      CHANNEL_COUNTERS.map((c) => [c, counters[c] === null ? null : counters[c] - (last[c] ?? 0)]),
    ) as ReadingIncrement['counters'];
    lastTotal.set(row.channel_id, {
      ...last,
      ...Object.fromEntries(CHANNEL_COUNTERS.filter((c) => counters[c] !== null).map((c) => [c, counters[c]])),
    });
    lastEnd.set(row.channel_id, end);
    return [{ channelId: row.channel_id, readingKind: 'running_total', start: since, end, counters: gained }];
  });
}

/** Increments summed per counter; a counter none of them gave is not measured (null), a recorded 0 is 0. */
export function countersOf(increments: readonly ReadingIncrement[]): ChannelCounters {
  const values = Object.fromEntries(
    CHANNEL_COUNTERS.map((c) => {
      const given = increments.map((i) => i.counters[c]).filter((v): v is number => v !== null);
      return [c, given.length > 0 ? given.reduce((a, b) => a + b, 0) : null];
    }),
  ) as Record<ChannelCounter, number | null>;
  return {
    readings: increments.length,
    ...values,
    measured: Object.fromEntries(CHANNEL_COUNTERS.map((c) => [c, values[c] !== null])) as CountersMeasured,
  } as ChannelCounters;
}

/** The window's increments: those whose last instant lies in it (from < end <= to), so adjacent windows add up. */
export const inWindow = (increments: readonly ReadingIncrement[], from: Date, to: Date) =>
  increments.filter((i) => i.end > from && i.end <= to);

/** Channels known by the window's end (or active in it), with their readings and patients in the window ($4/$5). */
export async function reportChannels(database: SqlExecutor, bounds: InWindow): Promise<ChannelLine[]> {
  const from = new Date(bounds[3]);
  const to = new Date(bounds[4]);
  const [channels, readings] = await Promise.all([
    database.query<{
      channel_id: string;
      channel_kind: string | null;
      name: string | null;
      registered_at: Timestamp;
      retired: boolean | null;
      patients: number;
      checked: boolean | null;
    }>(
      `select subject_id as channel_id,
         (array_agg(category ${ORDER}) filter (where kind = 'channel_registered'))[1] as channel_kind,
         (array_agg(detail ${ORDER}) filter (where kind = 'channel_registered'))[1] as name,
         min(occurred_at) filter (where kind = 'channel_registered') as registered_at,
         bool_or(kind = 'channel_retired' and occurred_at < $5::timestamptz) as retired,
         (count(*) filter (where kind = 'patient_informed' and occurred_at >= $4::timestamptz
                                 and occurred_at < $5::timestamptz))::int as patients,
         bool_or(kind = 'patients_checked' and period_start < $5::timestamptz
                 and period_end > $4::timestamptz) as checked
       from ${REPORT} x
       where x.project_id = $1
         and x.kind in ('channel_registered', 'channel_retired', 'patient_informed', 'patients_checked')
         and ${VISIBLE('x')}
       group by subject_id`,
      bounds,
    ),
    // Every visible reading ending by the window's end: a running total needs the one before it.
    database.query<ReadingRow>(
      `select subject_id as channel_id, category as reading_kind, period_start, period_end,
              likes, visits, downloads, shares
       from ${REPORT} x
       where x.project_id = $1 and x.kind = 'channel_reading' and x.period_end <= $4::timestamptz
         and ${VISIBLE('x')}
       order by subject_id, period_end, occurred_at, pos_commit, pos_prepare`,
      [bounds[0], bounds[1], bounds[2], bounds[4]] satisfies AtWindowEnd,
    ),
  ]);
  const counted = inWindow(readingIncrements(readings), from, to);
  const known = new Map(channels.map((row) => [row.channel_id, row]));
  const ids = new Set([...known.keys(), ...counted.map((i) => i.channelId)]);
  const lines = [...ids].map((channelId) => {
    const row = known.get(channelId);
    const own = counted.filter((i) => i.channelId === channelId);
    const patients = Number(row?.patients ?? 0);
    const registeredAt = toDate(row?.registered_at ?? null);
    return {
      registeredAt,
      line: {
        channelId,
        kind: row?.channel_kind ?? null,
        name: row?.name ?? null,
        retired: row?.retired === true,
        ...countersOf(own),
        readingKind: own.at(-1)?.readingKind ?? null,
        measuredFrom: own.length > 0 ? new Date(Math.min(...own.map((i) => i.start.getTime()))) : null,
        measuredTo: own.length > 0 ? new Date(Math.max(...own.map((i) => i.end.getTime()))) : null,
        newPatientsInformed: patients,
        newPatientsInformedMeasured: patients > 0 || row?.checked === true,
      } satisfies ChannelLine,
    };
  });
  return lines
    .filter(
      ({ registeredAt, line }) =>
        (registeredAt !== null && registeredAt < to) || line.readings > 0 || line.newPatientsInformed > 0,
    )
    .sort(
      (a, b) =>
        (a.registeredAt?.getTime() ?? Infinity) - (b.registeredAt?.getTime() ?? Infinity) ||
        (a.line.channelId < b.line.channelId ? -1 : a.line.channelId > b.line.channelId ? 1 : 0),
    )
    .map(({ line }) => line);
}

/** Distinct patients (provider, reference) first informed, through any channel of the project, in the window ($4/$5). */
export async function newPatientsInformed(database: SqlExecutor, bounds: InWindow): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    `select count(*)::int as n from (
       select x.category, x.detail, min(x.occurred_at) as first_at
       from ${REPORT} x
       where x.project_id = $1 and x.kind = 'patient_informed' and ${VISIBLE('x')}
       group by x.category, x.detail
     ) p
     where p.first_at >= $4::timestamptz and p.first_at < $5::timestamptz`,
    bounds,
  );
  return Number(row?.n ?? 0);
}

/** The channels' counters together: per counter, the sum over the channels that measured it; not measured when none did. */
export function channelTotals(channels: readonly ChannelLine[]): ChannelCounters {
  const sum = (counter: ChannelCounter) => {
    const values = channels.map((c) => c[counter]).filter((value): value is number => value !== null);
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
  };
  const values = Object.fromEntries(CHANNEL_COUNTERS.map((c) => [c, sum(c)])) as Record<ChannelCounter, number | null>;
  return {
    readings: channels.reduce((n, channel) => n + channel.readings, 0),
    likes: values.likes,
    visits: values.visits,
    downloads: values.downloads,
    shares: values.shares,
    measured: Object.fromEntries(CHANNEL_COUNTERS.map((c) => [c, values[c] !== null])) as CountersMeasured,
  };
}
