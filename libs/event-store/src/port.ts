import type { NewEvent, RecordedEvent } from './events.js';
import type { GlobalPosition } from './position.js';

/**
 * What the writer believes the stream's last revision to be.
 * - `no_stream`: the stream must not exist yet.
 * - `exists`: the stream must exist, at any revision.
 * - `any`: no check.
 * - a bigint: the stream's last revision must be exactly this (revisions start at 0).
 */
export type ExpectedRevision = 'no_stream' | 'exists' | 'any' | bigint;

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the first event of this append. */
  readonly firstRevision: bigint;
  /** Revision of the last event of this append: the expected revision of the next append. */
  readonly nextExpectedRevision: bigint;
  /** Position of the last event of this append: a consistency token for readers. */
  readonly position: GlobalPosition;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the first revision forwards, the last one backwards. */
  readonly fromRevision?: bigint;
  readonly limit?: number;
}

export interface EventFilter {
  /** Keep only events of these types. */
  readonly eventTypes?: readonly string[];
  /** Keep only events of streams whose id starts with one of these prefixes. */
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: read what comes after this position. Defaults to the start of the log. */
  readonly after?: GlobalPosition;
  readonly limit: number;
  readonly filter?: EventFilter;
}

export interface ReadAllPage {
  readonly events: readonly RecordedEvent[];
  /**
   * Where the next read resumes (exclusive). With a filter it may lie past the last event
   * returned, so a filtered reader can checkpoint over events it was never shown.
   */
  readonly resumeAfter: GlobalPosition;
  /** True when the page reached what is readable now; false when more can be read at once. */
  readonly caughtUp: boolean;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint to resume after. Defaults to the start of the log. */
  readonly after?: GlobalPosition;
  readonly filter?: EventFilter;
  readonly batchSize?: number;
  /**
   * Once live, when woken again soon after a page that held events (a burst of writes: an import,
   * many users at once), wait this long before reading, so that the events of several commands
   * come in one batch: its consumer commits once for them instead of once per command. A write
   * after a quiet spell is still read at once. 0, the default: never wait. Stores that poll only;
   * KurrentDB pushes events as they come.
   */
  readonly burstLingerMs?: number;
}

export interface SubscriptionBatch {
  readonly events: readonly RecordedEvent[];
  /** A checkpoint the consumer may store once it has handled `events` (exclusive resume point). */
  readonly checkpoint: GlobalPosition;
  /** True when this batch reached the head of the log (the subscription is live). */
  readonly caughtUp: boolean;
}

/** Catch-up then live subscription; iterate it, and `close()` it when done. */
export interface EventSubscription extends AsyncIterable<SubscriptionBatch> {
  close(): Promise<void>;
}

/** The one port every event store adapter implements (PGlite, PostgreSQL, KurrentDB). */
/** An appending transaction that has not committed yet, as the server reports it. */
export interface AppendInFlight {
  /** The server's transaction id (32-bit, as pg_stat_activity shows it). */
  readonly transactionId: string;
  /** The server process (backend) that runs it. */
  readonly pid: number;
  /** When its transaction began. */
  readonly since: Date;
}

export interface EventStore {
  readonly kind: 'pglite' | 'postgres' | 'kurrentdb';

  /** Atomic append of one or more events with an optimistic concurrency check. */
  append(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** One page of the global log, in a stable order that never skips a committed event. */
  readAll(options: ReadAllOptions): Promise<ReadAllPage>;

  subscribeToAll(options?: SubscribeOptions): EventSubscription;

  /**
   * How many events (matching the filter) lie after a position: a projection's lag. Null where
   * the backend cannot count cheaply (KurrentDB).
   */
  countAfter(after: GlobalPosition, filter?: EventFilter): Promise<number | null>;

  /**
   * When the first event (matching the filter) after a position was recorded, whether or not
   * readers may read it yet: the age of a projection's lag even while the log is held back.
   * Where absent (KurrentDB orders its own log), the first readable event tells.
   */
  firstRecordedAfter?(after: GlobalPosition, filter?: EventFilter): Promise<Date | null>;

  /**
   * The oldest append still in flight, which holds back every event committed after it until it
   * ends (SQL stores; KurrentDB orders its own log). Null when none is.
   */
  oldestAppendInFlight?(): Promise<AppendInFlight | null>;

  /** The position of the last event stored, or null when the log is empty. */
  lastPosition(): Promise<GlobalPosition | null>;

  /**
   * Where no other process appends to this log (PGlite: one process holds its data directory), a
   * number that changes whenever an event is appended, so a reader can tell that nothing was
   * appended since it last read without asking the database. Absent, or null, where other
   * processes may append (PostgreSQL, KurrentDB).
   */
  appendMark?(): number | null;

  streamCount(): Promise<number>;

  close(): Promise<void>;
}
