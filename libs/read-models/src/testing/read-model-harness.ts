import { upcast } from '#domain';
import type { SqlDatabase } from '#database';
import { SqlEventStore, type EventStore, type RecordedEvent } from '#event-store';
import { physicalTable, ProjectionEngine, waitForPosition, type Projection } from '#projections';
import type { HistoryEvent } from './history-events.js';
import { openReadModelTestDatabase, type ReadModelTestDatabase } from './read-model-databases.js';

export interface ReadModelHarnessOptions {
  /** The projections `project()` runs, e.g. the signal facts and what reads them at query time. */
  readonly projections: readonly Projection[];
  /** Where the store and the read models live; an in-memory PGlite when omitted. */
  readonly database?: () => Promise<ReadModelTestDatabase>;
  /** The engine's batch size in `project()` (small, so that histories span several batches). */
  readonly batchSize?: number;
}

/**
 * An event store and read models in one test database: append hand-made histories (or copy
 * recorded ones), run the projections through the real engine until they catch up, then query the
 * read models through `database`. A read model's readers are built over `database` by its specs.
 */
export class ReadModelHarness {
  private constructor(
    private readonly target: ReadModelTestDatabase,
    readonly store: EventStore,
    private readonly options: ReadModelHarnessOptions,
  ) {}

  static async open(options: ReadModelHarnessOptions): Promise<ReadModelHarness> {
    const target = await (options.database ?? openReadModelTestDatabase)();
    const store = await SqlEventStore.open(target.database, { ownsDatabase: false });
    return new ReadModelHarness(target, store, options);
  }

  get database(): SqlDatabase {
    return this.target.database;
  }

  /** Appends events in the given order (the order they are recorded in). */
  async append(events: readonly HistoryEvent[]): Promise<void> {
    for (const { streamId, event } of events) await this.store.append(streamId, [event], 'any');
  }

  /** Appends stored events again, keeping ids, data, metadata and occurredAt (recordedAt is new). */
  async copy(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      const { id, type, schemaVersion, data, metadata, occurredAt } = event;
      await this.store.append(event.streamId, [{ id, type, schemaVersion, data, metadata, occurredAt }], 'any');
    }
  }

  /** Every stored event in log order, as stored (not upcast). */
  async log(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let after;
    for (;;) {
      const page = await this.store.readAll({ after, limit: 500 });
      events.push(...page.events);
      after = page.resumeAfter;
      if (page.events.length === 0 || page.caughtUp) return events;
    }
  }

  /** Runs the projections through the engine until they have processed every stored event. */
  async project(batchSize = this.options.batchSize ?? 7): Promise<void> {
    const engine = new ProjectionEngine({
      projections: this.options.projections,
      database: this.database,
      store: this.store,
      batchSize,
      reconcileIntervalMs: 50,
    });
    await engine.start();
    try {
      const last = await this.store.lastPosition();
      if (last && !(await waitForPosition(this.database, last, { timeoutMs: 20_000 }))) {
        const names = this.options.projections.map((projection) => projection.name).join(', ');
        throw new Error(`the projections (${names}) did not catch up`);
      }
    } finally {
      await engine.stop();
    }
  }

  /**
   * Applies events to a projection's first generation in one batch and one transaction, as the
   * engine hands them (only the types it subscribes to, upcast): e.g. the whole log again, to show
   * a replay writes nothing twice.
   */
  async applyBatch(projection: Projection, events: readonly RecordedEvent[]): Promise<void> {
    const batch = events.filter((event) => projection.eventTypes.includes(event.type)).map((event) => upcast(event));
    await this.database.transaction((tx) => projection.apply(batch, { tx, table: (name) => physicalTable(name, 1) }));
  }

  async close(): Promise<void> {
    await this.target.dispose();
  }
}
