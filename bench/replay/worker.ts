/**
 * One measurement in a fresh process, so its memory is the rebuild's alone: a full read of the
 * global log with no projection (the baseline), then every projection rebuilt from zero into an
 * empty read-model database, then signal queries with `asOf` on the rebuilt read models.
 */
import { PgDatabase, PgliteDatabase, type SqlDatabase } from '#database';
import { comparePositions, START, SqlEventStore, type GlobalPosition } from '#event-store';
import { ProjectionEngine, runs } from '#projections';
import { READ_MODEL_PROJECTIONS } from '#read-models';
import { SignalFrameworkStore, SignalReader } from '#read-models/signals';

interface Args {
  kind: 'pglite' | 'postgres';
  events: string;
  models: string;
  url?: string;
}

function args(): Args {
  const value = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index < 0 ? undefined : process.argv[index + 1];
  };
  return { kind: value('kind') as Args['kind'], events: value('events')!, models: value('models')!, url: value('url') };
}

async function open(a: Args, target: string): Promise<SqlDatabase> {
  return a.kind === 'pglite'
    ? PgliteDatabase.open(target)
    : PgDatabase.open({ connectionString: a.url!, schema: target });
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function main(): Promise<void> {
  const a = args();
  const eventsDb = await open(a, a.events);
  const store = await SqlEventStore.open(eventsDb, { ownsDatabase: false });
  const head = (await store.lastPosition())!;

  // Baseline: the same global log read in pages of 1,000, decoded, with nothing projected.
  let started = process.hrtime.bigint();
  let after: GlobalPosition = START;
  let read = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: 1_000 });
    read += page.events.length;
    after = page.resumeAfter;
    if (page.caughtUp) break;
  }
  const readSeconds = seconds(started);

  // Rebuild every projection from zero, sampling memory as it goes.
  const models = await open(a, a.models);
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const engine = new ProjectionEngine({
    projections: READ_MODEL_PROJECTIONS,
    database: models,
    store,
    batchSize: 1_000,
  });
  started = process.hrtime.bigint();
  await engine.start();
  for (;;) {
    const live = (await runs.all(models)).filter((run) => run.status === 'live');
    if (
      live.length === READ_MODEL_PROJECTIONS.length &&
      live.every((run) => comparePositions(run.checkpoint, head) >= 0)
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const rebuildSeconds = seconds(started);
  clearInterval(sampler);
  await engine.stop();

  // Signal queries with asOf over the whole history of one project.
  const frameworks = new SignalFrameworkStore(models);
  await frameworks.prepare();
  const reader = new SignalReader(models, frameworks);
  const [project] = await models.query<{ project_id: string }>(
    'select project_id from rm_projects order by project_id limit 1',
  );
  const from = new Date('2024-01-08T00:00:00.000Z').getTime();
  const to = new Date('2025-12-31T00:00:00.000Z').getTime();
  const timings: number[] = [];
  for (let i = 0; i < 200; i++) {
    const asOf = new Date(from + ((to - from) * ((i * 37) % 200)) / 200);
    const start = process.hrtime.bigint();
    await reader.report({ scope: { projectId: project!.project_id }, asOf, now: new Date(to) });
    timings.push(seconds(start) * 1000);
  }
  timings.sort((x, y) => x - y);

  await models.close();
  await eventsDb.close();
  process.stdout.write(
    `${JSON.stringify({
      events: read,
      read_events_per_s: read / readSeconds,
      rebuild_events_per_s: read / rebuildSeconds,
      rebuild_seconds: rebuildSeconds,
      peak_rss_mb: peakRss / 1024 / 1024,
      peak_heap_mb: peakHeap / 1024 / 1024,
      signal_asof_median_ms: percentile(timings, 0.5),
      signal_asof_p99_ms: percentile(timings, 0.99),
    })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
