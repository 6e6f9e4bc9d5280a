import {
  assertValidAppend,
  EventIdConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventFilter,
  type EventStore,
  type EventSubscription,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllPage,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '#event-store';

/**
 * Positions of pending events: past any position a real store hands out (a commit is a 64-bit
 * transaction id or a KurrentDB log position), so they sort after the stored log and are never
 * mistaken for one of its positions.
 */
const PENDING_COMMIT = 2n ** 63n - 1n;

/**
 * The event store as a dry run sees it: every stream as stored plus the events the dry run's
 * earlier commands would have appended, which stay in memory. Appends are checked as a real store
 * checks them (the append's shape, the expected revision, reused event ids) and never reach the
 * real store, so a dry run of a whole import decides each line on the effects of the lines before
 * it, as the real run would, and writes nothing.
 *
 * Only streams are overlaid: the command side reads nothing else. The global log (`readAll`,
 * subscriptions, counts) is the stored one, so projections and read models never see a dry run.
 */
export class DryRunEventStore implements EventStore {
  readonly kind: EventStore['kind'];
  private readonly pending = new Map<string, RecordedEvent[]>();
  private sequence = 0n;
  /**
   * What the dry run's commands would have recorded outside the log, by key (the API's first
   * result of each command id): kept here so that it lives and dies with the pending events.
   */
  readonly sideRecords = new Map<string, unknown>();

  constructor(private readonly stored: EventStore) {
    this.kind = stored.kind;
  }

  /** How many events the dry run would have appended. */
  get pendingCount(): number {
    let count = 0;
    for (const events of this.pending.values()) count += events.length;
    return count;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const pending = this.pending.get(streamId);
    if (!pending) return this.stored.readStream(streamId, options);
    const all = [...(await this.stored.readStream(streamId)), ...pending];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const ordered = backwards ? all.reverse() : all;
    const selected = ordered.filter((event) =>
      from === undefined ? true : backwards ? event.revision <= from : event.revision >= from,
    );
    return options.limit === undefined ? selected : selected.slice(0, options.limit);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events);
    const current = await this.readStream(streamId);
    const last = current[current.length - 1];
    const repeated = this.repeatedAppend(streamId, current, events);
    if (repeated) return repeated;
    const actual = last ? last.revision : 'no_stream';
    const matches =
      expectedRevision === 'any' ||
      (expectedRevision === 'no_stream' && !last) ||
      (expectedRevision === 'exists' && last !== undefined) ||
      (typeof expectedRevision === 'bigint' && last?.revision === expectedRevision);
    if (!matches) throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
    const recordedAt = new Date();
    const firstRevision = last ? last.revision + 1n : 0n;
    const recorded = events.map((event, index): RecordedEvent => ({
      ...event,
      streamId,
      revision: firstRevision + BigInt(index),
      position: { commit: PENDING_COMMIT, prepare: ++this.sequence },
      recordedAt,
    }));
    this.pending.set(streamId, [...(this.pending.get(streamId) ?? []), ...recorded]);
    const end = recorded[recorded.length - 1]!;
    return { streamId, firstRevision, nextExpectedRevision: end.revision, position: end.position };
  }

  /**
   * A real store answers an append of event ids it already holds with the first result, and
   * refuses ids used by other events: the same here, over the stream as the dry run sees it.
   */
  private repeatedAppend(
    streamId: string,
    current: readonly RecordedEvent[],
    events: readonly NewEvent[],
  ): AppendResult | null {
    const byId = new Map(current.map((event) => [event.id.toLowerCase(), event]));
    const known = events.map((event) => byId.get(event.id.toLowerCase()));
    if (known.every((event) => event === undefined)) return null;
    if (known.some((event) => event === undefined) || known.some((event, i) => event!.type !== events[i]!.type))
      throw new EventIdConflictError(
        streamId,
        events.map((event) => event.id),
      );
    const first = known[0]!;
    const end = known[known.length - 1]!;
    return { streamId, firstRevision: first.revision, nextExpectedRevision: end.revision, position: end.position };
  }

  readAll(options: ReadAllOptions): Promise<ReadAllPage> {
    return this.stored.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    return this.stored.subscribeToAll(options);
  }

  countAfter(after: GlobalPosition, filter?: EventFilter): Promise<number | null> {
    return this.stored.countAfter(after, filter);
  }

  lastPosition(): Promise<GlobalPosition | null> {
    return this.stored.lastPosition();
  }

  streamCount(): Promise<number> {
    return this.stored.streamCount();
  }

  /** The real store belongs to the application: a dry run ending only drops what it held. */
  async close(): Promise<void> {
    this.pending.clear();
    this.sideRecords.clear();
  }
}
