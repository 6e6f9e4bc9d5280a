import type { NewEvent, RecordedEvent } from '../events.js';
import type {
  AppendResult,
  EventFilter,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  SubscribeOptions,
} from '../port.js';
import type { GlobalPosition } from '../position.js';

/**
 * Told about every append of the event store the Nest module provides (libs/metrics implements it).
 * Optional: without a provider for EVENT_STORE_OBSERVER the store is used as it is.
 */
export interface AppendObserver {
  /**
   * One append call ended. `error` is what it threw (a concurrency conflict, say), or null.
   * `seconds` is its duration; `events` how many events it was given.
   */
  appended(observation: {
    readonly kind: EventStore['kind'];
    readonly events: number;
    readonly seconds: number;
    readonly error: unknown;
  }): void;
}

export const EVENT_STORE_OBSERVER = Symbol('EVENT_STORE_OBSERVER');

/** The port, with each append timed and reported to an observer; everything else is passed through. */
export class ObservedEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly observer: AppendObserver,
  ) {}

  get kind(): EventStore['kind'] {
    return this.store.kind;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const started = process.hrtime.bigint();
    let error: unknown = null;
    try {
      return await this.store.append(streamId, events, expectedRevision);
    } catch (thrown) {
      error = thrown ?? new Error('append failed');
      throw thrown;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      try {
        this.observer.appended({ kind: this.store.kind, events: events.length, seconds, error });
      } catch {
        // Observing must never change the outcome of an append.
      }
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId, options);
  }

  appendMark(): number | null {
    return this.store.appendMark?.() ?? null;
  }

  readAll(options: ReadAllOptions): Promise<ReadAllPage> {
    return this.store.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    return this.store.subscribeToAll(options);
  }

  get firstRecordedAfter(): EventStore['firstRecordedAfter'] {
    return this.store.firstRecordedAfter?.bind(this.store);
  }

  get oldestAppendInFlight(): EventStore['oldestAppendInFlight'] {
    return this.store.oldestAppendInFlight?.bind(this.store);
  }

  countAfter(after: GlobalPosition, filter?: EventFilter): Promise<number | null> {
    return this.store.countAfter(after, filter);
  }

  lastPosition(): Promise<GlobalPosition | null> {
    return this.store.lastPosition();
  }

  streamCount(): Promise<number> {
    return this.store.streamCount();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** The store itself without an observer, else the store wrapped so that its appends are observed. */
export function observeAppends(store: EventStore, observer: AppendObserver | null | undefined): EventStore {
  return observer ? new ObservedEventStore(store, observer) : store;
}
