import type { SqlDatabase } from '#database';
import type { EventStore } from '#event-store';
import { SignalFrameworkStore, signalFactsProjection, SignalReader } from '../../signals/index.js';
import { ReadModelHarness, type HistoryEvent } from '../../testing/index.js';
import { DEFAULT_WARNING_THRESHOLDS, type WarningThresholds } from '../rules/index.js';
import type { WarningRecord } from '../warning-record.js';
import { WARNING_SELECT, warningFromRow } from '../warning-rows.js';
import { WarningsReader } from '../warnings-reader.js';
import { createWarningsProjection } from '../warnings.projection.js';

export { fact, type HistoryEvent } from '../../testing/index.js';

/**
 * An in-memory PGlite event store with the warnings projection (and the signal facts, which the
 * signal-drop rule reads at query time), run through the engine, and a reader over both: the
 * read-model harness with the warnings' projections and reader.
 */
export class WarningsHarness {
  private constructor(
    private readonly history: ReadModelHarness,
    readonly reader: WarningsReader,
  ) {}

  static async open(thresholds: Partial<WarningThresholds> = {}): Promise<WarningsHarness> {
    const merged = { ...DEFAULT_WARNING_THRESHOLDS, ...thresholds };
    const history = await ReadModelHarness.open({
      projections: [signalFactsProjection, createWarningsProjection(merged)],
      batchSize: 5,
    });
    const frameworks = new SignalFrameworkStore(history.database);
    await frameworks.prepare();
    const reader = new WarningsReader(history.database, new SignalReader(history.database, frameworks), merged);
    return new WarningsHarness(history, reader);
  }

  get database(): SqlDatabase {
    return this.history.database;
  }

  get store(): EventStore {
    return this.history.store;
  }

  /** Appends events in the given order (the order they are recorded in). */
  append(events: readonly HistoryEvent[]): Promise<void> {
    return this.history.append(events);
  }

  /** Runs both projections through the engine until they have processed every event. */
  project(batchSize?: number): Promise<void> {
    return this.history.project(batchSize);
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

  close(): Promise<void> {
    return this.history.close();
  }
}
