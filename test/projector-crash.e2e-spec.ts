import { mkdtempSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PgDatabase, PgliteDatabase, pgliteDirectory, type SqlDatabase } from '#database';
import { comparePositions, SqlEventStore, type EventStore } from '#event-store';
import { ProjectionEngine } from '#projections';
import { READ_MODEL_PROJECTIONS } from '#read-models';
import { postgresTestUrl, uniqueSchema, TEST_POOL } from './support/postgres.js';
import { kill, startProjector } from './support/projector-process.js';
import { liveCheckpoints, snapshotReadModels } from './support/read-models.js';
import { runSeed } from './support/seed.js';

/**
 * The projector is killed with SIGKILL at random moments while it catches up on a seeded pilot,
 * restarted each time, and finally left to finish. Its read models must equal those of a clean
 * replay of the same log: nothing lost, nothing counted twice.
 */
interface Backend {
  readonly name: string;
  /** Small enough that the catch-up lasts several seconds and can be interrupted many times. */
  readonly batchSize: string;
  readonly env: Record<string, string>;
  /** Opens the projector's database (only while no projector runs, for PGlite). */
  open(): Promise<{ database: SqlDatabase; store: EventStore }>;
  /** A fresh, empty database for the clean replay. */
  fresh(): Promise<SqlDatabase>;
  cleanup(): Promise<void>;
}

function pgliteBackend(): Backend {
  const dataDir = mkdtempSync(join(tmpdir(), 'crash-pglite-'));
  return {
    name: 'PGlite',
    batchSize: '10',
    env: { DATA_DIR: dataDir },
    async open() {
      const database = await PgliteDatabase.open(pgliteDirectory(dataDir));
      return { database, store: await SqlEventStore.open(database, { ownsDatabase: false }) };
    },
    fresh: () => PgliteDatabase.open(),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

function postgresBackend(url: string): Backend {
  const schema = uniqueSchema('crash');
  const replay = uniqueSchema('replay');
  const opened: PgDatabase[] = [];
  const open = async (name: string) => {
    const database = await PgDatabase.open({ connectionString: url, schema: name });
    opened.push(database);
    return database;
  };
  return {
    name: 'PostgreSQL',
    batchSize: '1',
    env: { EVENT_STORE: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: schema, ...TEST_POOL },
    async open() {
      const database = await open(schema);
      return { database, store: await SqlEventStore.open(database, { ownsDatabase: false }) };
    },
    fresh: () => open(replay),
    async cleanup() {
      for (const database of opened) {
        await database.dropSchema();
        await database.close();
      }
    },
  };
}

const backends: Array<[string, () => Backend]> = [['PGlite', pgliteBackend]];
const url = postgresTestUrl();
if (url) backends.push(['PostgreSQL', () => postgresBackend(url)]);

async function caughtUp(database: SqlDatabase, store: EventStore): Promise<{ done: boolean; processed: number }> {
  const head = await store.lastPosition();
  const runs = await liveCheckpoints(database).catch((error: { code?: string }) => {
    // Killed before it created its tables: nothing was projected yet.
    if (error.code === '42P01') return [];
    throw error;
  });
  const processed = runs.reduce((sum, run) => sum + run.eventsProcessed, 0);
  const done =
    runs.length === READ_MODEL_PROJECTIONS.length &&
    runs.every((run) => !head || comparePositions(run.checkpoint, head) >= 0);
  return { done, processed };
}

/** What the running projector's /metrics says: whether every projection has no lag, and the events processed. */
async function projectorLag(origin: string): Promise<{ caughtUp: boolean; processed: number }> {
  const response = await fetch(`${origin}/metrics`).catch(() => null);
  if (!response?.ok) return { caughtUp: false, processed: -1 };
  const text = await response.text();
  const gauge = (name: string) =>
    [...text.matchAll(new RegExp(`^coproduction_projection_${name}\\{projection="([^"]+)"\\} (\\S+)$`, 'gm'))].map(
      (match) => Number(match[2]),
    );
  const lags = gauge('lag_events');
  return {
    caughtUp: lags.length === READ_MODEL_PROJECTIONS.length && lags.every((lag) => lag === 0),
    processed: gauge('events_processed').reduce((sum, value) => sum + value, 0),
  };
}

/**
 * Resolves when the projector is about to start its catch-up: its first log line (Nest flushes
 * the boot's buffered logs once its modules and database are ready, then starts the projections).
 */
async function catchingUp(projector: Awaited<ReturnType<typeof startProjector>>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!projector.output().includes('Starting Nest application')) {
    if (projector.process.exitCode !== null)
      throw new Error(`projector exited with ${projector.process.exitCode}:\n${projector.output()}`);
    if (Date.now() > deadline) throw new Error(`projector did not start in time:\n${projector.output()}`);
    await sleep(20);
  }
}

describe.each(backends)('projector killed with SIGKILL during catch-up (%s)', (_name, make) => {
  it('ends with read models equal to a clean replay', async () => {
    const backend = make();
    try {
      // One pilot (about 2,700 events) is history enough to be killed in the middle of.
      const seeded = await runSeed(backend.env, ['--seed', '7', '--projects', '1']);
      expect(seeded.code).toBe(0);

      // The catch-up reads and applies batches of this size too; at `info` the projector logs when
      // its boot is done and the catch-up begins (see catchingUp).
      const env = {
        ...backend.env,
        PROJECTOR_BATCH_SIZE: backend.batchSize,
        PROJECTOR_CATCH_UP_BATCH_SIZE: backend.batchSize,
        LOG_LEVEL: 'info',
      };
      const interruptedAt: number[] = [];
      for (let attempt = 0; attempt < 20 && interruptedAt.length < 4; attempt++) {
        const projector = await startProjector(env);
        // The first kill lands at a random moment of the projector's start (loading, opening its
        // database, preparing its tables); the others at a random moment in the first two seconds
        // of its catch-up (which lasts several seconds), rather than after a guess at how long it boots.
        if (attempt > 0) await catchingUp(projector);
        await sleep(Math.floor(Math.random() * 2_000));
        await kill(projector.process, 'SIGKILL');
        const { database, store } = await backend.open();
        const progress = await caughtUp(database, store);
        if (backend.name === 'PGlite') await database.close();
        if (progress.done) break;
        if (progress.processed > 0) interruptedAt.push(progress.processed);
      }
      expect(interruptedAt.length).toBeGreaterThan(0);

      // Let it finish, at the default batch sizes: the crashes were the point, the rest of the log is not.
      const finishing = { ...backend.env };
      const last = await startProjector(finishing);
      // PostgreSQL is watched through one connection pool while the projector runs.
      const watched = backend.name === 'PGlite' ? null : await backend.open();
      let deadline = Date.now() + 120_000;
      let lastProcessed = -1;
      for (;;) {
        if (backend.name === 'PGlite') {
          // PGlite admits one process: watch the projector through its metrics while it runs, and
          // open the database only once it reports every projection caught up (or it stalls).
          const metrics = await projectorLag(last.origin);
          if (metrics.processed > lastProcessed) {
            lastProcessed = metrics.processed;
            deadline = Date.now() + 120_000;
          }
          if (!metrics.caughtUp && last.process.exitCode === null && Date.now() <= deadline) {
            await sleep(100);
            continue;
          }
          await kill(last.process, 'SIGTERM');
          const { database, store } = await backend.open();
          const { done } = await caughtUp(database, store);
          await database.close();
          if (done) break;
          if (Date.now() > deadline) throw new Error(`projector never caught up:\n${last.output()}`);
          Object.assign(last, await startProjector(finishing));
        } else {
          if ((await caughtUp(watched!.database, watched!.store)).done) {
            await kill(last.process, 'SIGTERM');
            break;
          }
          await sleep(100);
        }
        if (Date.now() > deadline) throw new Error(`projector never caught up:\n${last.output()}`);
      }

      // The clean replay: the same log projected from zero into an empty database.
      const { database, store } = await backend.open();
      const replayDatabase = await backend.fresh();
      const engine = new ProjectionEngine({
        projections: READ_MODEL_PROJECTIONS,
        database: replayDatabase,
        store,
        batchSize: 500,
      });
      await engine.start();
      const replayDeadline = Date.now() + 120_000;
      while (!(await caughtUp(replayDatabase, store)).done) {
        if (Date.now() > replayDeadline) throw new Error('clean replay never caught up');
        await sleep(50);
      }
      await engine.stop();

      const crashed = await snapshotReadModels(database);
      const clean = await snapshotReadModels(replayDatabase);
      expect(Object.keys(crashed).length).toBeGreaterThan(10);
      for (const table of Object.keys(clean))
        expect({ table, rows: crashed[table] }).toEqual({ table, rows: clean[table] });
      const totalRows = Object.values(clean).reduce((sum, rows) => sum + rows.length, 0);
      expect(totalRows).toBeGreaterThan(2_000);
      if (backend.name === 'PGlite') {
        await database.close();
        await replayDatabase.close();
      }
    } finally {
      await backend.cleanup();
    }
  }, 600_000);
});
