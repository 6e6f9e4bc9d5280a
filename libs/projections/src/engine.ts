import { migrate, type HeldLock, type SqlDatabase } from '#database';
import { comparePositions, type EventStore, type GlobalPosition } from '#event-store';
import { CONTROL_CHANNEL } from './control.js';
import { createGeneration, dropGeneration, pointViews } from './generations.js';
import { projectionMigrations } from './migrations.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './runner.js';
import { runKey, runs, type ProjectionRun } from './runs.js';
import { SharedCatchUp } from './shared-catch-up.js';

export interface EngineLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface ProjectionEngineOptions {
  readonly projections: readonly Projection[];
  /** Where read models and checkpoints live (PostgreSQL or PGlite). */
  readonly database: SqlDatabase;
  readonly store: EventStore;
  /** Events a runner applies per transaction once live (default 500). */
  readonly batchSize?: number;
  /**
   * Events per page of a shared catch-up, and so per transaction while catching up (default
   * `batchSize`; the platform sets PROJECTOR_CATCH_UP_BATCH_SIZE, 5,000): fewer, larger batches
   * merge more changes to the same rows and commit less often.
   */
  readonly catchUpBatchSize?: number;
  /**
   * Once live, how long a runner waits under a burst of writes before it reads, so the events of
   * several commands commit in one transaction (default 0; the platform sets
   * PROJECTOR_LIVE_LINGER_MS, 25). See SubscribeOptions.burstLingerMs.
   */
  readonly burstLingerMs?: number;
  /** How often the engine re-reads desired state and retries leases it does not hold. */
  readonly reconcileIntervalMs?: number;
  readonly logger?: EngineLogger;
  readonly onProgress?: (runner: ProjectionRunner) => void;
}

const silent: EngineLogger = { log: () => undefined, error: () => undefined };

/** Prepares the schema and the first generation of every projection; safe from several processes at once. */
export async function prepareProjections(database: SqlDatabase, projections: readonly Projection[]): Promise<void> {
  await migrate(database, 'projections', projectionMigrations);
  for (const projection of projections) {
    await database.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`projection-setup:${projection.name}`]);
      const active = await runs.active(tx, projection.name);
      if (!active.some((run) => run.status === 'live')) await createGeneration(tx, projection, 'live');
    });
  }
}

/**
 * Runs projections in this process. Exactly one process runs a given projection at a time: it
 * must hold that projection's lease (a session advisory lock, released if the process dies, so
 * another engine takes over at its next reconcile). Admin actions change `projection_runs`;
 * the engine reconciles its runners to it on a notification or every interval.
 */
export class ProjectionEngine {
  private readonly leases = new Map<string, HeldLock>();
  private readonly runners = new Map<string, ProjectionRunner>();
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private reconciling: Promise<void> | null = null;
  private reconcileAgain = false;
  private stopped = false;
  private readonly logger: EngineLogger;

  constructor(private readonly options: ProjectionEngineOptions) {
    this.logger = options.logger ?? silent;
  }

  async start(): Promise<void> {
    await prepareProjections(this.options.database, this.options.projections);
    this.unlisten = await this.options.database.listen(CONTROL_CHANNEL, () => this.kick());
    this.timer = setInterval(() => this.kick(), this.options.reconcileIntervalMs ?? 1_000);
    this.timer.unref();
    await this.reconcile();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    await this.reconciling;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    this.runners.clear();
    for (const lease of this.leases.values()) await lease.release();
    this.leases.clear();
  }

  /** The runners of this process (empty for projections whose lease another process holds). */
  localRunners(): ProjectionRunner[] {
    return [...this.runners.values()];
  }

  holdsLease(name: string): boolean {
    return this.leases.has(name);
  }

  /** Reconciles now, coalescing calls that arrive while a reconcile runs. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.reconciling) {
      this.reconcileAgain = true;
      return this.reconciling;
    }
    this.reconciling = (async () => {
      try {
        do {
          this.reconcileAgain = false;
          await this.reconcile();
        } while (this.reconcileAgain && !this.stopped);
      } catch (error) {
        this.logger.error('Projection reconcile failed', error);
      } finally {
        this.reconciling = null;
      }
    })();
    return this.reconciling;
  }

  /**
   * The runners started in one pass share one catch-up (shared-catch-up.ts): on a start or after a
   * deploy that rebuilds several projections, the log is read and decoded once for all of them.
   */
  private async reconcile(): Promise<void> {
    const catchUp = new SharedCatchUp(this.options.store, this.catchUpBatchSize, {
      batchSize: this.batchSize,
      burstLingerMs: this.options.burstLingerMs ?? 0,
    });
    try {
      for (const projection of this.options.projections) {
        if (this.stopped) return;
        if (!(await this.lease(projection.name))) continue;
        await this.reconcileProjection(projection, catchUp);
      }
    } finally {
      catchUp.seal();
    }
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  private get catchUpBatchSize(): number {
    return this.options.catchUpBatchSize ?? this.batchSize;
  }

  private async lease(name: string): Promise<boolean> {
    if (this.leases.has(name)) return true;
    const lease = await this.options.database.tryLock(`projection:${name}`);
    if (!lease) return false;
    this.leases.set(name, lease);
    this.logger.log(`Projection ${name}: lease taken, running here`);
    void lease.lost.then(async () => {
      if (this.leases.get(name) !== lease) return;
      this.leases.delete(name);
      this.logger.error(`Projection ${name}: lease lost, stopping its runners`);
      await this.stopRunners(name);
    });
    return true;
  }

  private async stopRunners(name: string): Promise<void> {
    for (const [key, runner] of this.runners) {
      if (runner.name !== name) continue;
      await runner.stop();
      this.runners.delete(key);
    }
  }

  private async reconcileProjection(projection: Projection, catchUp: SharedCatchUp): Promise<void> {
    const { database } = this.options;
    let active = await runs.active(database, projection.name);
    let live = active.find((run) => run.status === 'live');
    let building = active.find((run) => run.status === 'building');
    if (live && live.version < projection.version && !building) {
      this.logger.log(`Projection ${projection.name}: version ${projection.version} deployed, rebuilding from zero`);
      await database.transaction((tx) => createGeneration(tx, projection, 'building'));
      active = await runs.active(database, projection.name);
      live = active.find((run) => run.status === 'live');
      building = active.find((run) => run.status === 'building');
    }
    for (const run of [live, building]) if (run) await this.reconcileRun(projection, run, catchUp);
    if (live && building) {
      const runner = this.runners.get(key(building));
      if (runner?.state === 'running') await this.swap(projection, live, building);
    }
  }

  private async reconcileRun(projection: Projection, run: ProjectionRun, catchUp: SharedCatchUp): Promise<void> {
    const runnerKey = key(run);
    const runner = this.runners.get(runnerKey);
    const wanted = !run.paused && !run.failure;
    const alive =
      runner && (runner.state === 'starting' || runner.state === 'catching_up' || runner.state === 'running');
    if (wanted && !alive) {
      const next = new ProjectionRunner({
        projection,
        generation: run.generation,
        database: this.options.database,
        source: catchUp,
        onError: (error) =>
          this.logger.error(`Projection ${projection.name} (generation ${run.generation}) failed`, error),
        onProgress: this.options.onProgress,
      });
      this.runners.set(runnerKey, next);
      catchUp.expect(runnerKey);
      void next.run();
    } else if (!wanted && alive) {
      await runner.stop();
    }
  }

  /** The rebuilt generation caught up: repoint the views to it in one transaction, then retire the old one. */
  private async swap(projection: Projection, live: ProjectionRun, building: ProjectionRun): Promise<void> {
    const old = this.runners.get(key(live));
    await old?.stop();
    this.runners.delete(key(live));
    await this.options.database.transaction(async (tx) => {
      await pointViews(tx, projection, building.generation);
      await runs.setStatus(tx, projection.name, live.generation, 'retired');
      await runs.setStatus(tx, projection.name, building.generation, 'live');
    });
    await this.options.database.transaction((tx) => dropGeneration(tx, projection, live.generation));
    this.logger.log(`Projection ${projection.name}: generation ${building.generation} is live`);
  }
}

function key(run: { projection: string; generation: number }): string {
  return runKey(run.projection, run.generation);
}

/**
 * Waits until every live projection (or the named ones) has processed the event at `position`:
 * how a client reads its own writes. Works across processes: it reads the checkpoints.
 */
export async function waitForPosition(
  database: SqlDatabase,
  position: GlobalPosition,
  options: { timeoutMs: number; projections?: readonly string[] },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const live = (await runs.all(database)).filter(
      (run) => run.status === 'live' && (!options.projections || options.projections.includes(run.projection)),
    );
    if (live.every((run) => comparePositions(run.checkpoint, position) >= 0)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
