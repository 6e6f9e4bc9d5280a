/**
 * One measurement in a fresh process, so its memory is the rebuild's alone.
 *
 * Full mode: a full read of the global log with no projection (the plain-read baseline, timed on
 * a second pass so that it runs warm like everything after it), then every projection rebuilt from
 * zero into an empty read-model database, then signal queries with `asOf` on the rebuilt read
 * models, then the read-and-write ceiling (ceiling.ts): the same read plus COPY of the rows the
 * projections wrote into bare tables of the same columns.
 *
 * PGlite runs as the embedded default does (one PGlite holding the events and the read models, as
 * the API with its inline projector opens it): the worker copies the events' directory to the
 * read-model directory and rebuilds into that one instance, so peak RSS is the embedded default's.
 *
 * Alone mode (`--only <projection> --log-events N`): that projection alone rebuilt from zero into an
 * empty read-model database. Its rate is over the N events of the whole log, the denominator every
 * projection shares: it catches up to the head of the whole log, though the store skips the events
 * of other types in SQL (so one that handles few types can outrun the plain read, which decodes
 * every event). The events it handled (its run's `events_processed`) are reported beside it.
 */
import { cpSync, readFileSync } from 'node:fs';
import { loadConfig, setHeapGrowingPercent } from '#config';
import { PgDatabase, PgliteDatabase, type SqlDatabase } from '#database';
import { comparePositions, START, SqlEventStore, type EventStore, type GlobalPosition } from '#event-store';
import { ProjectionEngine, runs, type Projection } from '#projections';
import { READ_MODEL_PROJECTIONS } from '#read-models';
import { SignalFrameworkStore, SignalReader } from '#read-models/signals';
import { measureCeiling, pgliteTarget, postgresTarget, type BulkTarget } from './ceiling.js';

interface Args {
  kind: 'pglite' | 'postgres';
  events: string;
  models: string;
  url?: string;
  only?: string;
  logEvents?: number;
}

function args(): Args {
  const value = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index < 0 ? undefined : process.argv[index + 1];
  };
  const logEvents = value('log-events');
  return {
    kind: value('kind') as Args['kind'],
    events: value('events')!,
    models: value('models')!,
    url: value('url'),
    only: value('only'),
    logEvents: logEvents === undefined ? undefined : Number(logEvents),
  };
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

/** The plain-read baseline: the global log read in pages of 1,000, decoded, with nothing projected. */
async function readLog(store: EventStore): Promise<{ events: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let after: GlobalPosition = START;
  let read = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: 1_000 });
    read += page.events.length;
    after = page.resumeAfter;
    if (page.caughtUp) break;
  }
  return { events: read, seconds: seconds(started) };
}

interface Rebuild {
  seconds: number;
  peakRss: number;
  peakHeap: number;
  /** CPU seconds of this process (on PGlite the database's too: it runs in this thread). */
  processCpuSeconds: number;
  /** CPU seconds of the whole machine (this process, the database server, anything else running). */
  machineCpuSeconds: number;
}

/**
 * CPU seconds the machine has spent busy, all cores (/proc/stat: user, nice, system, irq, softirq;
 * not idle, iowait or steal). Wall-clock rates on a shared two-core VM move by 20% run to run; the
 * CPU a rebuild costs moves much less, so it shows whether a change made the work cheaper.
 */
function machineBusySeconds(): number {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n', 1)[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq!) / 100;
}

const processCpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** Rebuilds `projections` from zero until every one of them is live at `head`, sampling memory as it goes. */
async function rebuild(
  models: SqlDatabase,
  store: EventStore,
  projections: readonly Projection[],
  head: GlobalPosition,
): Promise<Rebuild> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const engine = new ProjectionEngine({
    projections,
    database: models,
    store,
    batchSize: 1_000,
    catchUpBatchSize: 5_000,
  });
  const started = process.hrtime.bigint();
  const cpuBefore = { process: processCpuSeconds(), machine: machineBusySeconds() };
  await engine.start();
  const names = new Set(projections.map((projection) => projection.name));
  for (;;) {
    const live = (await runs.all(models)).filter((run) => run.status === 'live' && names.has(run.projection));
    // Done once every runner is running: at the head and with the query indexes it builds after
    // catching up (ReadModelTable.indexes), which are part of the rebuild's cost.
    const running = engine.localRunners().every((runner) => runner.state === 'running');
    if (
      running &&
      live.length === projections.length &&
      live.every((run) => comparePositions(run.checkpoint, head) >= 0)
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const elapsed = seconds(started);
  const cpu = {
    processCpuSeconds: processCpuSeconds() - cpuBefore.process,
    machineCpuSeconds: machineBusySeconds() - cpuBefore.machine,
  };
  clearInterval(sampler);
  await engine.stop();
  return { seconds: elapsed, peakRss, peakHeap, ...cpu };
}

const MB = 1024 * 1024;

/**
 * Where the rebuild writes, with the store it reads: on PGlite one instance for both (a copy of the
 * events' directory, as the embedded default runs); on PostgreSQL the read-model schema beside the
 * events' schema.
 */
async function openRebuild(a: Args): Promise<{ models: SqlDatabase; store: EventStore; close(): Promise<void> }> {
  if (a.kind === 'pglite') {
    cpSync(a.events, a.models, { recursive: true });
    const models = await open(a, a.models);
    return { models, store: await SqlEventStore.open(models, { ownsDatabase: false }), close: () => models.close() };
  }
  const events = await open(a, a.events);
  const models = await open(a, a.models);
  return {
    models,
    store: await SqlEventStore.open(events, { ownsDatabase: false }),
    close: async () => {
      await models.close();
      await events.close();
    },
  };
}

async function alone(a: Args): Promise<Record<string, unknown>> {
  const projection = READ_MODEL_PROJECTIONS.find((candidate) => candidate.name === a.only);
  if (!projection) throw new Error(`No projection named ${a.only}`);
  const { models, store, close } = await openRebuild(a);
  const head = (await store.lastPosition())!;
  const result = await rebuild(models, store, [projection], head);
  const run = (await runs.all(models)).find((r) => r.projection === projection.name && r.status === 'live')!;
  await close();
  return {
    projection: projection.name,
    events: a.logEvents!,
    handled_events: run.eventsProcessed,
    alone_events_per_s: a.logEvents! / result.seconds,
    alone_seconds: result.seconds,
    peak_rss_mb: result.peakRss / MB,
  };
}

async function full(a: Args): Promise<Record<string, unknown>> {
  const { models, store, close } = await openRebuild(a);
  const head = (await store.lastPosition())!;
  // The plain read is timed on its second pass: the first, untimed, warms what the rebuild and the
  // ceiling (both later in this process) find warm too: compiled code, the database's caches.
  await readLog(store);
  const read = await readLog(store);

  const rebuilt = await rebuild(models, store, READ_MODEL_PROJECTIONS, head);

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
  // PGlite: the ceiling opens the read-model directory on its own instance; one at a time.
  await close();

  // The read-and-write ceiling, into the read-model database the rebuild wrote, reading the log
  // from the events' own database (on PGlite, the original directory).
  const eventsDb = await open(a, a.events);
  const eventStore = await SqlEventStore.open(eventsDb, { ownsDatabase: false });
  const target: BulkTarget =
    a.kind === 'pglite' ? await pgliteTarget(a.models) : await postgresTarget(a.url!, a.models);
  const sources = READ_MODEL_PROJECTIONS.flatMap((projection) => projection.tables.map((table) => table.name));
  const ceiling = await measureCeiling(eventStore, target, sources, read.events);
  await target.close();
  await eventsDb.close();

  return {
    events: read.events,
    read_events_per_s: read.events / read.seconds,
    rebuild_events_per_s: read.events / rebuilt.seconds,
    rebuild_seconds: rebuilt.seconds,
    rebuild_process_cpu_us_per_event: (rebuilt.processCpuSeconds * 1e6) / read.events,
    rebuild_machine_cpu_us_per_event: (rebuilt.machineCpuSeconds * 1e6) / read.events,
    ceiling_events_per_s: ceiling.events / ceiling.seconds,
    ceiling_seconds: ceiling.seconds,
    ceiling_rows: ceiling.rows,
    ceiling_tables: ceiling.tables,
    ceiling_mb: ceiling.bytes / MB,
    peak_rss_mb: rebuilt.peakRss / MB,
    peak_heap_mb: rebuilt.peakHeap / MB,
    signal_asof_median_ms: percentile(timings, 0.5),
    signal_asof_p99_ms: percentile(timings, 0.99),
  };
}

async function main(): Promise<void> {
  // As the platform's processes run (apps/*/src/main.ts), so that the peak RSS is theirs.
  setHeapGrowingPercent(loadConfig().heapGrowingPercent);
  const a = args();
  const result = a.only ? await alone(a) : await full(a);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
