/**
 * npm run bench:store [-- --json] [--events N] [--single N] [--skip-postgres]
 *
 * Measures the event store on PGlite and PostgreSQL beside the raw engine in the same run:
 * a plain multi-row INSERT into a bare table of the same columns, and a plain keyset-paged
 * ordered SELECT of it. Ratios are store / raw.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgDatabase, PgliteDatabase, type SqlDatabase } from '#database';
import { START, SqlEventStore, type ExpectedRevision, type GlobalPosition } from '#event-store';
import { benchEvent, flag, option, printTable, round, share, timed } from './support.js';

const TOTAL = option('events', 100_000);
const SINGLE = option('single', 4_000);
const BATCH = 100;
const PAGE = 1_000;
const WRITERS = [1, 16];

const RAW_TABLE = `create table raw_events (
  position bigint generated always as identity,
  transaction_id xid8 not null default pg_current_xact_id(),
  event_id uuid not null, stream_id text not null, revision bigint not null, type text not null,
  schema_version integer not null, data jsonb not null, metadata jsonb not null,
  occurred_at timestamptz not null, recorded_at timestamptz not null default now())`;

type Result = Record<string, number>;

async function storeAppends(store: SqlEventStore, total: number, perAppend: number, writers: number, tag: string) {
  const { seconds } = await timed(() =>
    Promise.all(
      share(total, writers).map(async (count, writer) => {
        const streamId = `bench-${tag}-${writer}`;
        let expected: ExpectedRevision = 'no_stream';
        for (let written = 0; written < count; written += perAppend) {
          const events = Array.from({ length: Math.min(perAppend, count - written) }, (_, i) =>
            benchEvent(written + i),
          );
          expected = (await store.append(streamId, events, expected)).nextExpectedRevision;
        }
      }),
    ),
  );
  return total / seconds;
}

async function rawInserts(database: SqlDatabase, total: number, perInsert: number, writers: number, tag: string) {
  const { seconds } = await timed(() =>
    Promise.all(
      share(total, writers).map(async (count, writer) => {
        for (let written = 0; written < count; written += perInsert) {
          const rows = Math.min(perInsert, count - written);
          const params: unknown[] = [];
          const tuples: string[] = [];
          for (let i = 0; i < rows; i++) {
            const event = benchEvent(written + i);
            const base = params.length;
            params.push(
              event.id,
              `bench-${tag}-${writer}`,
              written + i,
              event.type,
              1,
              JSON.stringify(event.data),
              JSON.stringify(event.metadata),
              event.occurredAt.toISOString(),
            );
            tuples.push(`(${Array.from({ length: 8 }, (_, k) => `$${base + k + 1}`).join(',')})`);
          }
          await database.query(
            `insert into raw_events (event_id, stream_id, revision, type, schema_version, data, metadata, occurred_at)
             values ${tuples.join(',')}`,
            params,
          );
        }
      }),
    ),
  );
  return total / seconds;
}

async function storeRead(store: SqlEventStore): Promise<{ rate: number; count: number }> {
  const { seconds, result } = await timed(async () => {
    let after: GlobalPosition = START;
    let count = 0;
    for (;;) {
      const page = await store.readAll({ after, limit: PAGE });
      count += page.events.length;
      after = page.resumeAfter;
      if (page.caughtUp) return count;
    }
  });
  return { rate: result / seconds, count: result };
}

async function rawRead(database: SqlDatabase): Promise<{ rate: number; count: number }> {
  await database.query('create index if not exists raw_events_position on raw_events (position)');
  const { seconds, result } = await timed(async () => {
    let after = '0';
    let count = 0;
    for (;;) {
      const rows = await database.query<{ position: string }>(
        `select position::text as position, transaction_id::text as commit_position, event_id::text as event_id,
                stream_id, revision::text as revision, type, schema_version, data, metadata, occurred_at, recorded_at
         from raw_events r where r.position > $1 order by r.position limit $2`,
        [after, PAGE],
      );
      count += rows.length;
      if (rows.length < PAGE) return count;
      after = rows[rows.length - 1]!.position;
    }
  });
  return { rate: result / seconds, count: result };
}

async function measure(engine: string, database: SqlDatabase, store: SqlEventStore): Promise<Result> {
  await database.exec(RAW_TABLE);
  const result: Result = {};
  for (const writers of WRITERS) {
    result[`batch_append_${writers}w_events_per_s`] = await storeAppends(store, TOTAL, BATCH, writers, `b${writers}`);
    result[`raw_insert_batch_${writers}w_events_per_s`] = await rawInserts(
      database,
      TOTAL,
      BATCH,
      writers,
      `b${writers}`,
    );
    result[`single_append_${writers}w_events_per_s`] = await storeAppends(store, SINGLE, 1, writers, `s${writers}`);
    result[`raw_insert_single_${writers}w_events_per_s`] = await rawInserts(
      database,
      SINGLE,
      1,
      writers,
      `s${writers}`,
    );
    result[`batch_append_${writers}w_ratio_to_raw`] =
      result[`batch_append_${writers}w_events_per_s`]! / result[`raw_insert_batch_${writers}w_events_per_s`]!;
    result[`single_append_${writers}w_ratio_to_raw`] =
      result[`single_append_${writers}w_events_per_s`]! / result[`raw_insert_single_${writers}w_events_per_s`]!;
  }
  result.batch_append_16w_over_1w_ratio = result.batch_append_16w_events_per_s! / result.batch_append_1w_events_per_s!;
  result.single_append_16w_over_1w_ratio =
    result.single_append_16w_events_per_s! / result.single_append_1w_events_per_s!;
  const storeScan = await storeRead(store);
  const rawScan = await rawRead(database);
  result.global_read_events = storeScan.count;
  result.global_read_events_per_s = storeScan.rate;
  result.raw_select_events = rawScan.count;
  result.raw_select_events_per_s = rawScan.rate;
  result.global_read_ratio_to_raw = storeScan.rate / rawScan.rate;
  console.error(`${engine}: done`);
  return result;
}

async function main(): Promise<void> {
  const results: Record<string, Result> = {};
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  try {
    const pglite = await PgliteDatabase.open(join(dir, 'pglite'));
    results.pglite = await measure(
      'pglite (on disk)',
      pglite,
      await SqlEventStore.open(pglite, { ownsDatabase: false }),
    );
    await pglite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (!flag('skip-postgres')) {
    const schema = `bench_${Date.now()}`;
    const postgres = await PgDatabase.open({ connectionString: url, schema, maxConnections: 20 });
    try {
      results.postgres = await measure(
        'postgres',
        postgres,
        await SqlEventStore.open(postgres, { ownsDatabase: false }),
      );
    } finally {
      await postgres.dropSchema();
      await postgres.close();
    }
  }

  const rows = Object.entries(results).flatMap(([engine, result]) =>
    Object.entries(result)
      .filter(([key]) => key.endsWith('_per_s'))
      .map(([key, value]) => ({ engine, case: key.replace(/_events_per_s$/, ''), 'events/s': Math.round(value) })),
  );
  console.log(
    `\nEvent store benchmark: ${TOTAL} events in appends of ${BATCH}, ${SINGLE} single-event appends, pages of ${PAGE}\n`,
  );
  printTable(rows);
  console.log('');
  printTable(
    Object.entries(results).flatMap(([engine, result]) =>
      Object.entries(result)
        .filter(([key]) => key.includes('ratio'))
        .map(([key, value]) => ({ engine, ratio: key, value: round(value) })),
    ),
  );
  if (flag('json')) {
    const flat: Record<string, number | string> = { events: TOTAL, single_events: SINGLE, batch_size: BATCH };
    for (const [engine, result] of Object.entries(results)) {
      for (const [key, value] of Object.entries(result)) flat[`${engine}_${key}`] = round(value, 3);
    }
    console.log(JSON.stringify(flat));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
