import { PgliteDatabase, type SqlDatabase } from '#database';
import { SqlEventStore, type EventStore, type RecordedEvent } from '#event-store';
import { ProjectionEngine, waitForPosition } from '#projections';
import { signalFactsProjection } from '../../signals/signal-facts.projection.js';
import type { HistoryEvent } from '../../signals/testing/history.js';
import { reportFactsProjection } from '../report-facts.projection.js';
import { AssessmentReportReader } from '../report-reader.js';

export { fact, type HistoryEvent } from '../../signals/testing/history.js';

/** An in-memory PGlite event store with the signal-facts and report-facts projections and a report reader. */
export class ReportHarness {
  private constructor(
    readonly database: SqlDatabase,
    readonly store: EventStore,
    readonly reader: AssessmentReportReader,
  ) {}

  static async open(): Promise<ReportHarness> {
    const database = await PgliteDatabase.open();
    const store = await SqlEventStore.open(database, { ownsDatabase: false });
    return new ReportHarness(database, store, new AssessmentReportReader(database));
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

  /** Every stored event in log order. */
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

  /** Runs both projections through the engine (small batches) until they have processed every event. */
  async project(batchSize = 7): Promise<void> {
    const engine = new ProjectionEngine({
      projections: [signalFactsProjection, reportFactsProjection],
      database: this.database,
      store: this.store,
      batchSize,
      reconcileIntervalMs: 50,
    });
    await engine.start();
    try {
      const last = await this.store.lastPosition();
      if (last && !(await waitForPosition(this.database, last, { timeoutMs: 20_000 }))) {
        throw new Error('the report projections did not catch up');
      }
    } finally {
      await engine.stop();
    }
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}
