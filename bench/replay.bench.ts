/**
 * npm run bench:replay [-- --json] [--sizes 100000,250000,1000000] [--skip-postgres] [--skip-pglite]
 *                      [--alone 100000,250000] [--skip-alone] [--cpu-prof DIR]
 *
 * Grows a synthetic history (the demo pilot generator at scale) and, at each size, rebuilds every
 * projection from zero in a fresh process, beside two baselines measured in that process: a plain
 * read of the same global log with no projection, and the read-and-write ceiling, the same read
 * plus COPY of as many rows as the projections wrote into bare tables of the same columns (see
 * replay/ceiling.ts). Ratios are rebuild / read and rebuild / ceiling. Then, at each `--alone`
 * size (every size unless told), each projection is rebuilt alone in its own fresh process into an
 * empty read-model database; its rate is over every event of the log (the denominator they all
 * share: each catches up to the head of the whole log), beside the events it handled.
 * Peak memory at each size shows whether it stays flat as history grows. `--cpu-prof DIR` writes a
 * V8 CPU profile of each worker (the processes that rebuild) into DIR, for Chrome's DevTools.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PgDatabase, PgliteDatabase, type SqlDatabase } from '#database';
import { SqlEventStore } from '#event-store';
import { READ_MODEL_PROJECTIONS } from '#read-models';
import { GrowingHistory } from './replay/history.js';
import { flag, listOption, printTable, round, textOption } from './support.js';

const run = promisify(execFile);

const SIZES = listOption('sizes', [100_000, 250_000, 1_000_000]);
const ALONE_SIZES = flag('skip-alone') ? [] : listOption('alone', SIZES);
if (ALONE_SIZES.some((size) => !SIZES.includes(size))) throw new Error('--alone takes sizes among --sizes');

interface Measurement {
  events: number;
  read_events_per_s: number;
  rebuild_events_per_s: number;
  rebuild_seconds: number;
  rebuild_process_cpu_us_per_event: number;
  rebuild_machine_cpu_us_per_event: number;
  ceiling_events_per_s: number;
  ceiling_seconds: number;
  ceiling_rows: number;
  ceiling_tables: number;
  ceiling_mb: number;
  peak_rss_mb: number;
  peak_heap_mb: number;
  signal_asof_median_ms: number;
  signal_asof_p99_ms: number;
}

interface AloneMeasurement {
  projection: string;
  events: number;
  handled_events: number;
  alone_events_per_s: number;
  alone_seconds: number;
  peak_rss_mb: number;
}

type Engine = 'pglite' | 'postgres';

/** A projection name as part of a schema name or JSON key: `signal-facts` → `signal_facts`. */
const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '_').toLowerCase();

const profileDir = textOption('cpu-prof');
const PROFILE_ARGS = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];

async function worker<T>(engine: Engine, events: string, models: string, extra: string[]): Promise<T> {
  const { stdout } = await run(
    process.execPath,
    [
      ...PROFILE_ARGS,
      'dist/bench/replay/worker.js',
      '--kind',
      engine,
      '--events',
      events,
      '--models',
      models,
      ...extra,
    ],
    { maxBuffer: 16 * 1024 * 1024, timeout: 60 * 60 * 1000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

interface EngineResults {
  full: Array<Measurement & { engine: Engine; size: number }>;
  alone: Array<AloneMeasurement & { engine: Engine; size: number }>;
}

async function measureEngine(
  engine: Engine,
  open: (target: string) => Promise<SqlDatabase>,
  target: (size: number) => { events: string; models: string },
  cleanupModels: (models: string) => Promise<void>,
  workerArgs: string[],
): Promise<EngineResults> {
  const eventsTarget = target(0).events;
  let database = await open(eventsTarget);
  const history = new GrowingHistory(await SqlEventStore.open(database, { ownsDatabase: false }), Math.max(...SIZES));
  const results: EngineResults = { full: [], alone: [] };
  for (const size of SIZES) {
    const started = Date.now();
    await history.growTo(size, (written) => process.stderr.write(`\r${engine}: ${written} events written`));
    process.stderr.write(
      `\r${engine}: ${history.written} events written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    // PGlite allows one process per directory: hand the files to the workers while they measure.
    if (engine === 'pglite') await database.close();
    const { models } = target(size);
    const measurement = await worker<Measurement>(engine, eventsTarget, models, workerArgs);
    results.full.push({ engine, size, ...measurement });
    process.stderr.write(
      `${engine} @ ${measurement.events}: rebuild ${Math.round(measurement.rebuild_events_per_s)} ev/s, ` +
        `read ${Math.round(measurement.read_events_per_s)} ev/s, ` +
        `ceiling ${Math.round(measurement.ceiling_events_per_s)} ev/s ` +
        `(${measurement.ceiling_rows} rows, ${Math.round(measurement.ceiling_mb)} MB as COPY text), ` +
        `peak RSS ${Math.round(measurement.peak_rss_mb)} MB\n`,
    );
    await cleanupModels(models);
    if (ALONE_SIZES.includes(size)) {
      for (const projection of READ_MODEL_PROJECTIONS) {
        const aloneModels = `${models}_alone_${slug(projection.name)}`;
        const measured = await worker<AloneMeasurement>(engine, eventsTarget, aloneModels, [
          ...workerArgs,
          '--only',
          projection.name,
          '--log-events',
          String(measurement.events),
        ]);
        results.alone.push({ engine, size, ...measured });
        process.stderr.write(
          `${engine} @ ${measured.events}: ${projection.name} alone ${Math.round(measured.alone_events_per_s)} ev/s ` +
            `(${measured.handled_events} events handled), peak RSS ${Math.round(measured.peak_rss_mb)} MB\n`,
        );
        await cleanupModels(aloneModels);
      }
    }
    if (engine === 'pglite') {
      database = await open(eventsTarget);
      history.useStore(await SqlEventStore.open(database, { ownsDatabase: false }));
    }
  }
  await database.close();
  return results;
}

async function main(): Promise<void> {
  const all: EngineResults = { full: [], alone: [] };
  const collect = (results: EngineResults) => {
    all.full.push(...results.full);
    all.alone.push(...results.alone);
  };
  if (!flag('skip-pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-replay-'));
    try {
      collect(
        await measureEngine(
          'pglite',
          (target) => PgliteDatabase.open(target),
          (size) => ({ events: join(dir, 'events'), models: join(dir, `models-${size}`) }),
          async (models) => rmSync(models, { recursive: true, force: true }),
          [],
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!flag('skip-postgres')) {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const stamp = Date.now();
    const eventsSchema = `bench_replay_${stamp}`;
    try {
      collect(
        await measureEngine(
          'postgres',
          (schema) => PgDatabase.open({ connectionString: url, schema }),
          (size) => ({ events: eventsSchema, models: `bench_models_${stamp}_${size}` }),
          async (models) => {
            const database = await PgDatabase.open({ connectionString: url, schema: models });
            await database.dropSchema();
            await database.close();
          },
          ['--url', url],
        ),
      );
    } finally {
      const database = await PgDatabase.open({ connectionString: url, schema: eventsSchema });
      await database.dropSchema();
      await database.close();
    }
  }

  console.log(
    '\nProjection rebuild benchmark: every projection rebuilt from zero, beside a plain read of the same log\n' +
      'and the read-and-write ceiling (that read plus COPY of the rows the projections wrote into bare tables)\n',
  );
  printTable(
    all.full.map((m) => ({
      engine: m.engine,
      events: m.events,
      'rebuild ev/s': Math.round(m.rebuild_events_per_s),
      'read ev/s': Math.round(m.read_events_per_s),
      'ceiling ev/s': Math.round(m.ceiling_events_per_s),
      'ratio to read': round(m.rebuild_events_per_s / m.read_events_per_s, 3),
      'ratio to ceiling': round(m.rebuild_events_per_s / m.ceiling_events_per_s, 3),
      'CPU µs/event (process, machine)': `${Math.round(m.rebuild_process_cpu_us_per_event)}, ${Math.round(m.rebuild_machine_cpu_us_per_event)}`,
      'rows written': m.ceiling_rows,
      'peak RSS MB': Math.round(m.peak_rss_mb),
      'peak heap MB': Math.round(m.peak_heap_mb),
      'asOf median ms': round(m.signal_asof_median_ms, 1),
      'asOf p99 ms': round(m.signal_asof_p99_ms, 1),
    })),
  );
  if (all.alone.length > 0) {
    console.log(
      '\nEach projection rebuilt alone, in its own process, into an empty read-model database\n' +
        '(alone ev/s: every event of the log over the time to catch up to its head; handled ev/s: the events\n' +
        'of the types it reads over the same time; the store skips the other types in SQL)\n',
    );
    printTable(
      all.alone.map((m) => ({
        engine: m.engine,
        events: m.events,
        projection: m.projection,
        'handled events': m.handled_events,
        'alone ev/s': Math.round(m.alone_events_per_s),
        'handled ev/s': Math.round(m.handled_events / m.alone_seconds),
        seconds: round(m.alone_seconds, 1),
        'peak RSS MB': Math.round(m.peak_rss_mb),
      })),
    );
  }
  if (flag('json')) {
    const flat: Record<string, number> = {};
    for (const m of all.full) {
      // Keyed by the size asked for; the history may run a few events past it (`_events`).
      const key = `${m.engine}_${m.size}`;
      flat[`${key}_events`] = m.events;
      flat[`${key}_rebuild_events_per_s`] = round(m.rebuild_events_per_s, 1);
      flat[`${key}_read_events_per_s`] = round(m.read_events_per_s, 1);
      flat[`${key}_ceiling_events_per_s`] = round(m.ceiling_events_per_s, 1);
      flat[`${key}_rebuild_ratio_to_read`] = round(m.rebuild_events_per_s / m.read_events_per_s, 3);
      flat[`${key}_rebuild_ratio_to_ceiling`] = round(m.rebuild_events_per_s / m.ceiling_events_per_s, 3);
      flat[`${key}_ceiling_ratio_to_read`] = round(m.ceiling_events_per_s / m.read_events_per_s, 3);
      flat[`${key}_rebuild_process_cpu_us_per_event`] = round(m.rebuild_process_cpu_us_per_event, 1);
      flat[`${key}_rebuild_machine_cpu_us_per_event`] = round(m.rebuild_machine_cpu_us_per_event, 1);
      flat[`${key}_ceiling_rows`] = m.ceiling_rows;
      flat[`${key}_peak_rss_mb`] = round(m.peak_rss_mb, 1);
      flat[`${key}_signal_asof_median_ms`] = round(m.signal_asof_median_ms, 2);
      flat[`${key}_signal_asof_p99_ms`] = round(m.signal_asof_p99_ms, 2);
    }
    for (const m of all.alone) {
      const key = `${m.engine}_${m.size}_alone_${slug(m.projection)}`;
      flat[`${key}_events_per_s`] = round(m.alone_events_per_s, 1);
      flat[`${key}_handled_events`] = m.handled_events;
      flat[`${key}_peak_rss_mb`] = round(m.peak_rss_mb, 1);
    }
    console.log(JSON.stringify(flat));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
