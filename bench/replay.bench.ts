/**
 * npm run bench:replay [-- --json] [--sizes 250000,500000,1000000] [--skip-postgres] [--skip-pglite]
 *
 * Grows a synthetic history (the demo pilot generator at scale) and, at each size, rebuilds every
 * projection from zero in a fresh process, beside a plain read of the same global log with no
 * projection in that process. Ratios are rebuild / read. Peak memory at each size shows whether it
 * stays flat as history grows.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PgDatabase, PgliteDatabase, type SqlDatabase } from '#database';
import { SqlEventStore } from '#event-store';
import { GrowingHistory } from './replay/history.js';
import { flag, printTable, round } from './support.js';

const run = promisify(execFile);

function sizes(): number[] {
  const index = process.argv.indexOf('--sizes');
  if (index < 0) return [250_000, 500_000, 1_000_000];
  return process.argv[index + 1]!.split(',').map(Number);
}

interface Measurement {
  events: number;
  read_events_per_s: number;
  rebuild_events_per_s: number;
  rebuild_seconds: number;
  peak_rss_mb: number;
  peak_heap_mb: number;
  signal_asof_median_ms: number;
  signal_asof_p99_ms: number;
}

async function measureEngine(
  engine: 'pglite' | 'postgres',
  open: (target: string) => Promise<SqlDatabase>,
  target: (size: number) => { events: string; models: string },
  cleanupModels: (models: string) => Promise<void>,
  workerArgs: string[],
): Promise<Array<Measurement & { engine: string }>> {
  const list = sizes();
  const eventsTarget = target(0).events;
  let database = await open(eventsTarget);
  const history = new GrowingHistory(await SqlEventStore.open(database, { ownsDatabase: false }), Math.max(...list));
  const results: Array<Measurement & { engine: string }> = [];
  for (const size of list) {
    const started = Date.now();
    await history.growTo(size, (written) => process.stderr.write(`\r${engine}: ${written} events written`));
    process.stderr.write(
      `\r${engine}: ${history.written} events written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    // PGlite allows one process per directory: hand the files to the worker while it measures.
    if (engine === 'pglite') await database.close();
    const { models } = target(size);
    const { stdout } = await run(
      process.execPath,
      ['dist/bench/replay/worker.js', '--kind', engine, '--events', eventsTarget, '--models', models, ...workerArgs],
      { maxBuffer: 16 * 1024 * 1024, timeout: 60 * 60 * 1000 },
    );
    const measurement = JSON.parse(stdout.trim().split('\n').pop()!) as Measurement;
    results.push({ engine, ...measurement });
    process.stderr.write(
      `${engine} @ ${measurement.events}: rebuild ${Math.round(measurement.rebuild_events_per_s)} ev/s, ` +
        `read ${Math.round(measurement.read_events_per_s)} ev/s, peak RSS ${Math.round(measurement.peak_rss_mb)} MB\n`,
    );
    await cleanupModels(models);
    if (engine === 'pglite') {
      database = await open(eventsTarget);
      history.useStore(await SqlEventStore.open(database, { ownsDatabase: false }));
    }
  }
  await database.close();
  return results;
}

async function main(): Promise<void> {
  const all: Array<Measurement & { engine: string }> = [];
  if (!flag('skip-pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-replay-'));
    try {
      all.push(
        ...(await measureEngine(
          'pglite',
          (target) => PgliteDatabase.open(target),
          (size) => ({ events: join(dir, 'events'), models: join(dir, `models-${size}`) }),
          async (models) => rmSync(models, { recursive: true, force: true }),
          [],
        )),
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
      all.push(
        ...(await measureEngine(
          'postgres',
          (schema) => PgDatabase.open({ connectionString: url, schema }),
          (size) => ({ events: eventsSchema, models: `bench_models_${stamp}_${size}` }),
          async (models) => {
            const database = await PgDatabase.open({ connectionString: url, schema: models });
            await database.dropSchema();
            await database.close();
          },
          ['--url', url],
        )),
      );
    } finally {
      const database = await PgDatabase.open({ connectionString: url, schema: eventsSchema });
      await database.dropSchema();
      await database.close();
    }
  }

  console.log(
    '\nProjection rebuild benchmark: every projection rebuilt from zero, beside a plain read of the same log\n',
  );
  printTable(
    all.map((m) => ({
      engine: m.engine,
      events: m.events,
      'rebuild ev/s': Math.round(m.rebuild_events_per_s),
      'read ev/s': Math.round(m.read_events_per_s),
      ratio: round(m.rebuild_events_per_s / m.read_events_per_s),
      'peak RSS MB': Math.round(m.peak_rss_mb),
      'peak heap MB': Math.round(m.peak_heap_mb),
      'asOf median ms': round(m.signal_asof_median_ms, 1),
      'asOf p99 ms': round(m.signal_asof_p99_ms, 1),
    })),
  );
  if (flag('json')) {
    const flat: Record<string, number> = {};
    for (const m of all) {
      const key = `${m.engine}_${m.events}`;
      flat[`${key}_rebuild_events_per_s`] = round(m.rebuild_events_per_s, 1);
      flat[`${key}_read_events_per_s`] = round(m.read_events_per_s, 1);
      flat[`${key}_rebuild_ratio_to_read`] = round(m.rebuild_events_per_s / m.read_events_per_s, 3);
      flat[`${key}_peak_rss_mb`] = round(m.peak_rss_mb, 1);
      flat[`${key}_signal_asof_median_ms`] = round(m.signal_asof_median_ms, 2);
      flat[`${key}_signal_asof_p99_ms`] = round(m.signal_asof_p99_ms, 2);
    }
    console.log(JSON.stringify(flat));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
