import type { SqlDatabase, SqlExecutor } from '#database';
import { comparePositions, type EventSubscription, type GlobalPosition, type RecordedEvent } from '#event-store';
import { physicalTable, ProjectionMemory, type Projection, type ProjectionContext } from './projection.js';
import { RateMeter } from './rate.js';
import { runKey, runs } from './runs.js';
import type { EventSource } from './shared-catch-up.js';

export type RunnerState = 'starting' | 'catching_up' | 'running' | 'failed' | 'stopped';

export interface RunnerOptions {
  readonly projection: Projection;
  readonly generation: number;
  readonly database: SqlDatabase;
  /** Where its events come from: its engine's shared catch-up, then a live subscription of its own. */
  readonly source: EventSource;
  readonly onError?: (error: unknown) => void;
  /** Called after each committed batch (tests and status pushes listen here). */
  readonly onProgress?: (runner: ProjectionRunner) => void;
}

/** While catching up, a checkpoint that moved without events is persisted at most this often. */
const CHECKPOINT_ONLY_INTERVAL_MS = 250;

/**
 * Follows the global log for one generation of one projection. Each batch of events and the
 * new checkpoint commit in one transaction. A batch that throws is replayed one event at a
 * time to find the event that fails; the events before it are committed, the projection stops
 * at it and records the event and the error.
 */
export class ProjectionRunner {
  state: RunnerState = 'starting';
  checkpoint: GlobalPosition = { commit: 0n, prepare: 0n };
  lastError: string | null = null;
  private readonly rate = new RateMeter();
  private subscription: EventSubscription | null = null;
  private stopping = false;
  private lastPersisted = 0;
  /** Whether the run's row says caught up: reaching the head is recorded even when no event moved it. */
  private caughtUpRecorded = false;
  private indexed = false;
  private readonly memory = new ProjectionMemory();
  readonly done: Promise<void>;
  private resolveDone!: () => void;

  constructor(private readonly options: RunnerOptions) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  get name(): string {
    return this.options.projection.name;
  }

  get generation(): number {
    return this.options.generation;
  }

  get eventsPerSecond(): number {
    return this.rate.perSecond();
  }

  /** Runs until stopped or failed; never throws. */
  async run(): Promise<void> {
    try {
      await this.follow();
    } catch (error) {
      this.state = 'failed';
      this.lastError = error instanceof Error ? error.message : String(error);
      this.options.onError?.(error);
    } finally {
      this.options.source.decline(this.key);
      if (this.state !== 'failed') this.state = 'stopped';
      this.resolveDone();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.done;
  }

  /** The runner's key in its engine and its shared catch-up: projection and generation. */
  get key(): string {
    return runKey(this.name, this.generation);
  }

  private context(tx: SqlExecutor): ProjectionContext {
    const generation = this.options.generation;
    return { tx, table: (name) => physicalTable(name, generation), memory: this.memory };
  }

  private async follow(): Promise<void> {
    const { projection, generation, database, source } = this.options;
    const run = await runs.get(database, projection.name, generation);
    if (!run) throw new Error(`No run for ${projection.name} generation ${generation}`);
    if (run.failure || run.paused) {
      this.state = run.failure ? 'failed' : 'stopped';
      return;
    }
    if (this.stopping) return;
    this.checkpoint = run.checkpoint;
    this.caughtUpRecorded = run.caughtUp;
    this.state = 'catching_up';
    this.subscription = source.join(this.key, this.checkpoint, projection.eventTypes);
    for await (const batch of this.subscription) {
      if (this.stopping) break;
      const caughtUp = batch.caughtUp;
      if (batch.events.length === 0) {
        await this.advanceOnly(batch.checkpoint, caughtUp);
      } else {
        const applied = await this.applyBatch(batch.events, batch.checkpoint, caughtUp);
        if (!applied) return;
      }
      if (caughtUp && !this.indexed) await this.buildQueryIndexes();
      this.state = caughtUp ? 'running' : 'catching_up';
      this.options.onProgress?.(this);
    }
  }

  /** The indexes only queries need, once caught up (ReadModelTable.indexes); idempotent, so on every start. */
  private async buildQueryIndexes(): Promise<void> {
    const { projection, database, generation } = this.options;
    const statements = projection.tables.flatMap((table) =>
      table.indexes ? [table.indexes(physicalTable(table.name, generation))] : [],
    );
    if (statements.length > 0) await database.transaction((tx) => tx.exec(statements.join(';\n')));
    this.indexed = true;
  }

  private async advanceOnly(checkpoint: GlobalPosition, caughtUp: boolean): Promise<void> {
    const moved = comparePositions(checkpoint, this.checkpoint) > 0;
    if (!moved && !(caughtUp && !this.caughtUpRecorded)) return;
    // Readers waiting for a position (read-your-writes) need a caught-up checkpoint at once; only the
    // checkpoint moves of a catch-up through other projections' events are thinned out.
    if (!caughtUp && Date.now() - this.lastPersisted < CHECKPOINT_ONLY_INTERVAL_MS) return;
    const target = moved ? checkpoint : this.checkpoint;
    await runs.advance(this.options.database, this.name, this.generation, target, {
      processed: 0,
      eventsPerSecond: this.rate.perSecond(),
      caughtUp,
    });
    this.checkpoint = target;
    this.caughtUpRecorded = caughtUp;
    this.lastPersisted = Date.now();
  }

  private async applyBatch(
    events: readonly RecordedEvent[],
    checkpoint: GlobalPosition,
    caughtUp: boolean,
  ): Promise<boolean> {
    const { projection, database } = this.options;
    try {
      const paused = await database.transaction(async (tx) => {
        // An admin's pause is a promise that nothing more is applied once it is recorded, even
        // before the engine has heard of it and stopped this runner.
        if (await runs.pausedForUpdate(tx, this.name, this.generation)) return true;
        await projection.apply(events, this.context(tx));
        this.rate.record(events.length);
        await runs.advance(tx, this.name, this.generation, checkpoint, {
          processed: events.length,
          eventsPerSecond: this.rate.perSecond(),
          caughtUp,
        });
        return false;
      });
      if (paused) {
        this.state = 'stopped';
        return false;
      }
      this.checkpoint = checkpoint;
      this.caughtUpRecorded = caughtUp;
      this.lastPersisted = Date.now();
      return true;
    } catch (batchError) {
      // What the projection kept in memory may include the batch that did not commit.
      this.memory.clear();
      return this.isolatePoison(events, checkpoint, caughtUp, batchError);
    }
  }

  /** Replays a failed batch event by event: commits what applies, stops at the first event that throws. */
  private async isolatePoison(
    events: readonly RecordedEvent[],
    checkpoint: GlobalPosition,
    caughtUp: boolean,
    batchError: unknown,
  ) {
    const { projection, database } = this.options;
    for (const event of events) {
      try {
        await database.transaction(async (tx) => {
          await projection.apply([event], this.context(tx));
          await runs.advance(tx, this.name, this.generation, event.position, {
            processed: 1,
            eventsPerSecond: this.rate.perSecond(),
            caughtUp: false,
          });
        });
        this.checkpoint = event.position;
        this.caughtUpRecorded = false;
      } catch (error) {
        this.memory.clear();
        const message = error instanceof Error ? error.message : String(error);
        await runs.fail(database, this.name, this.generation, event, message);
        this.state = 'failed';
        this.lastError = message;
        this.options.onError?.(error);
        return false;
      }
    }
    // Every event applied on its own: the batch failure was not caused by one event.
    this.options.onError?.(batchError);
    await runs.advance(database, this.name, this.generation, checkpoint, {
      processed: 0,
      eventsPerSecond: this.rate.perSecond(),
      caughtUp,
    });
    this.checkpoint = checkpoint;
    this.caughtUpRecorded = caughtUp;
    return true;
  }
}
