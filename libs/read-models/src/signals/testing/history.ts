import { randomUUID } from 'node:crypto';
import { PgliteDatabase, type SqlDatabase } from '#database';
import { activityAggregate } from '#domain';
import { SqlEventStore, type EventStore, type JsonObject, type NewEvent, type RecordedEvent } from '#event-store';
import { ProjectionEngine, waitForPosition } from '#projections';
import { SignalFrameworkStore } from '../framework-store.js';
import { signalFactsProjection } from '../signal-facts.projection.js';
import { SignalReader } from '../signal-reader.js';

/** A test event: which stream it goes to, what it says, when it happened. */
export interface HistoryEvent {
  readonly streamId: string;
  readonly event: NewEvent;
}

const AGGREGATES: ReadonlyArray<{ schemaVersions?: Readonly<Record<string, number | undefined>> }> = [
  activityAggregate,
];
const ACTOR = { id: 'tester', role: 'researcher' };

/** Every aggregate's current schema version per event type (1 when not listed). */
const SCHEMA_VERSIONS: Record<string, number | undefined> = Object.assign(
  {},
  ...AGGREGATES.map((aggregate) => aggregate.schemaVersions ?? {}),
);

/** Builds events for hand-made histories; `at` is when the fact happened (ISO date or date-time). */
export function fact(type: string, data: Record<string, unknown>, at: string, streamId?: string): HistoryEvent {
  const occurredAt = new Date(at.length === 10 ? `${at}T12:00:00.000Z` : at);
  return {
    streamId: streamId ?? `test-${String(data.projectId ?? data.programmeId ?? 'other')}`,
    event: {
      id: randomUUID(),
      type,
      schemaVersion: SCHEMA_VERSIONS[type] ?? 1,
      data: data as JsonObject,
      occurredAt,
      metadata: { actor: ACTOR, correlationId: randomUUID() },
    },
  };
}

/** An in-memory PGlite event store with the signal-facts projection and a reader over it. */
export class SignalsHarness {
  private constructor(
    readonly database: SqlDatabase,
    readonly store: EventStore,
    readonly frameworks: SignalFrameworkStore,
    readonly reader: SignalReader,
  ) {}

  static async open(): Promise<SignalsHarness> {
    const database = await PgliteDatabase.open();
    const store = await SqlEventStore.open(database, { ownsDatabase: false });
    const frameworks = new SignalFrameworkStore(database);
    await frameworks.prepare();
    return new SignalsHarness(database, store, frameworks, new SignalReader(database, frameworks));
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

  /** Runs the projection through the engine (small batches) until it has processed every event. */
  async project(batchSize = 7): Promise<void> {
    const engine = new ProjectionEngine({
      projections: [signalFactsProjection],
      database: this.database,
      store: this.store,
      batchSize,
      reconcileIntervalMs: 50,
    });
    await engine.start();
    try {
      const last = await this.store.lastPosition();
      if (last && !(await waitForPosition(this.database, last, { timeoutMs: 20_000 }))) {
        throw new Error('signal-facts did not catch up');
      }
    } finally {
      await engine.stop();
    }
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}
