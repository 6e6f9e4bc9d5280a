import { PgliteDatabase, type SqlDatabase } from '#database';
import { SqlEventStore, type EventStore } from '#event-store';
import { ProjectionEngine, waitForPosition } from '#projections';
import { SignalFrameworkStore, signalFactsProjection, SignalReader } from '../../signals/index.js';
import type { HistoryEvent } from '../../testing/index.js';
import { DEFAULT_WARNING_THRESHOLDS, type WarningThresholds } from '../rules/index.js';
import type { WarningRecord } from '../warning-record.js';
import { WARNING_SELECT, warningFromRow } from '../warning-rows.js';
import { WarningsReader } from '../warnings-reader.js';
import { createWarningsProjection } from '../warnings.projection.js';

export { fact, type HistoryEvent } from '../../testing/index.js';

/**
 * An in-memory PGlite event store with the warnings projection (and the signal facts, which the
 * signal-drop rule reads at query time), run through the engine, and a reader over both.
 */
export class WarningsHarness {
  private constructor(
    readonly database: SqlDatabase,
    readonly store: EventStore,
    readonly reader: WarningsReader,
    private readonly thresholds: WarningThresholds,
  ) {}

  static async open(thresholds: Partial<WarningThresholds> = {}): Promise<WarningsHarness> {
    const database = await PgliteDatabase.open();
    const store = await SqlEventStore.open(database, { ownsDatabase: false });
    const frameworks = new SignalFrameworkStore(database);
    await frameworks.prepare();
    const merged = { ...DEFAULT_WARNING_THRESHOLDS, ...thresholds };
    const reader = new WarningsReader(database, new SignalReader(database, frameworks), merged);
    return new WarningsHarness(database, store, reader, merged);
  }

  /** Appends events in the given order (the order they are recorded in). */
  async append(events: readonly HistoryEvent[]): Promise<void> {
    for (const { streamId, event } of events) await this.store.append(streamId, [event], 'any');
  }

  /** Runs both projections through the engine until they have processed every event. */
  async project(batchSize = 5): Promise<void> {
    const engine = new ProjectionEngine({
      projections: [signalFactsProjection, createWarningsProjection(this.thresholds)],
      database: this.database,
      store: this.store,
      batchSize,
      reconcileIntervalMs: 50,
    });
    await engine.start();
    try {
      const last = await this.store.lastPosition();
      if (last && !(await waitForPosition(this.database, last, { timeoutMs: 20_000 }))) {
        throw new Error('projections did not catch up');
      }
    } finally {
      await engine.stop();
    }
  }

  /** Every stored warning, in the order the projection raised them. */
  async warnings(rule?: string): Promise<WarningRecord[]> {
    const rows = await this.database.query<Record<string, unknown>>(
      `select ${WARNING_SELECT} from rm_warnings w where ($1::text is null or rule = $1)
       order by w.pos_commit, w.pos_prepare, w.ordinal`,
      [rule ?? null],
    );
    return rows.map(warningFromRow);
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}
