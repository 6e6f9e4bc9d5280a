import type { SqlExecutor } from '#database';
import { ORDER, REPORT, toNumber, VISIBLE, type InWindow } from './report-query.js';

export interface ChannelCounters {
  readonly readings: number;
  /** Sums over the readings in the window; null when none of them has this counter. */
  readonly likes: number | null;
  readonly visits: number | null;
  readonly downloads: number | null;
  readonly shares: number | null;
}

export interface ChannelLine extends ChannelCounters {
  readonly channelId: string;
  /** Null when the channel's registration is not visible. */
  readonly kind: string | null;
  readonly name: string | null;
  readonly retired: boolean;
  readonly newPatientsInformed: number;
}

/** A reading belongs to the window holding the last instant of its half-open period: from < period_end <= to. */
const IN_READING = 'period_end > $4::timestamptz and period_end <= $5::timestamptz';

/** Channels known by the window's end (or active in it), with their readings and patients in the window ($4/$5). */
export async function reportChannels(database: SqlExecutor, bounds: InWindow): Promise<ChannelLine[]> {
  const rows = await database.query<{
    channel_id: string;
    channel_kind: string | null;
    name: string | null;
    retired: boolean | null;
    readings: number;
    likes: number | null;
    visits: number | null;
    downloads: number | null;
    shares: number | null;
    patients: number;
  }>(
    `with facts as (
       select * from ${REPORT} x
       where x.project_id = $1
         and x.kind in ('channel_registered', 'channel_retired', 'channel_reading', 'patient_informed')
         and ${VISIBLE('x')}
     ),
     channels as (
       select subject_id as channel_id,
         (array_agg(category ${ORDER}) filter (where kind = 'channel_registered'))[1] as channel_kind,
         (array_agg(detail ${ORDER}) filter (where kind = 'channel_registered'))[1] as name,
         min(occurred_at) filter (where kind = 'channel_registered') as registered_at,
         bool_or(kind = 'channel_retired' and occurred_at < $5::timestamptz) as retired,
         (count(*) filter (where kind = 'channel_reading' and ${IN_READING}))::int as readings,
         (sum(likes) filter (where kind = 'channel_reading' and ${IN_READING}))::float8 as likes,
         (sum(visits) filter (where kind = 'channel_reading' and ${IN_READING}))::float8 as visits,
         (sum(downloads) filter (where kind = 'channel_reading' and ${IN_READING}))::float8 as downloads,
         (sum(shares) filter (where kind = 'channel_reading' and ${IN_READING}))::float8 as shares,
         (count(*) filter (where kind = 'patient_informed' and occurred_at >= $4::timestamptz
                                 and occurred_at < $5::timestamptz))::int as patients
       from facts group by subject_id
     )
     select * from channels
     where registered_at < $5::timestamptz or readings > 0 or patients > 0
     order by registered_at nulls last, channel_id`,
    bounds,
  );
  return rows.map((row) => ({
    channelId: row.channel_id,
    kind: row.channel_kind,
    name: row.name,
    retired: row.retired === true,
    readings: Number(row.readings),
    likes: toNumber(row.likes),
    visits: toNumber(row.visits),
    downloads: toNumber(row.downloads),
    shares: toNumber(row.shares),
    newPatientsInformed: Number(row.patients),
  }));
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

/** The channels' counters together; a counter no channel has stays null. */
export function channelTotals(channels: readonly ChannelLine[]): ChannelCounters {
  const sum = (pick: (channel: ChannelLine) => number | null) => {
    const values = channels.map(pick).filter((value): value is number => value !== null);
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
  };
  return {
    readings: channels.reduce((n, channel) => n + channel.readings, 0),
    likes: sum((c) => c.likes),
    visits: sum((c) => c.visits),
    downloads: sum((c) => c.downloads),
    shares: sum((c) => c.shares),
  };
}
