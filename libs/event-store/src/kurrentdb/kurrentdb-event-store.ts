import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START as CLIENT_START,
  StreamDeletedError,
  StreamNotFoundError,
  type AppendResult as ClientAppendResult,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { EventIdConflictError, WrongExpectedRevisionError } from '../errors.js';
import type { NewEvent, RecordedEvent } from '../events.js';
import type {
  AppendResult,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  SubscribeOptions,
} from '../port.js';
import { START, type GlobalPosition } from '../position.js';
import { assertValidAppend, assertValidLimit } from '../validation.js';
import { findPriorAppend } from './idempotency.js';
import {
  fromClientPosition,
  isAfter,
  isSystemName,
  isVisible,
  toActualRevision,
  toClientEvent,
  toClientFilter,
  toReadPosition,
  toRecordedEvent,
  toStoreError,
  toStreamState,
} from './mapping.js';
import { countStreams } from './stream-count.js';
import { KurrentDbSubscription } from './subscription.js';

const DEFAULT_BATCH_SIZE = 500;
/** The server raises a filter checkpoint every `interval × 32` events it considers. */
const SERVER_SEARCH_WINDOW = 32;
/** How many $all records lastPosition reads per step while skipping system events. */
const LAST_POSITION_STEP = 32;

/** The event store on KurrentDB, through the official gRPC client. */
export class KurrentDbEventStore implements EventStore {
  readonly kind = 'kurrentdb' as const;

  constructor(private readonly client: KurrentDBClient) {}

  /** e.g. `kurrentdb://admin:changeit@localhost:2113?tls=false`. Connects lazily, on first use. */
  static connect(connectionString: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events);
    let result: ClientAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toClientEvent), {
        streamState: toStreamState(expectedRevision),
      });
    } catch (error) {
      const mapped = toStoreError(error, { streamId, expected: expectedRevision });
      if (mapped instanceof WrongExpectedRevisionError) return this.retryOrRefuse(streamId, events, mapped);
      throw mapped;
    }
    if (!result.success) {
      // Only when the connection string sets throwOnAppendFailure=false; the client's revision
      // is unreliable then, so the stream is asked.
      const refusal = new WrongExpectedRevisionError(streamId, expectedRevision, await this.currentRevision(streamId));
      return this.retryOrRefuse(streamId, events, refusal);
    }
    const last = result.nextExpectedRevision;
    return {
      streamId,
      firstRevision: last - BigInt(events.length - 1),
      nextExpectedRevision: last,
      // KurrentDB answers a retry it recognises itself with success and no position.
      position: result.position ? fromClientPosition(result.position) : await this.positionOf(streamId, last),
    };
  }

  /** A refused append may be a retry of one that succeeded; see idempotency.ts. */
  private async retryOrRefuse(
    streamId: string,
    events: readonly NewEvent[],
    refusal: WrongExpectedRevisionError,
  ): Promise<AppendResult> {
    if (refusal.actual === 'no_stream') throw refusal;
    const prior = findPriorAppend(await this.readStream(streamId), events);
    if (prior.kind === 'none') throw refusal;
    if (prior.kind === 'conflict') {
      throw new EventIdConflictError(
        streamId,
        events.map((event) => event.id),
      );
    }
    return {
      streamId,
      firstRevision: prior.first.revision,
      nextExpectedRevision: prior.last.revision,
      position: prior.last.position,
    };
  }

  private async positionOf(streamId: string, revision: bigint): Promise<GlobalPosition> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, limit: 1 });
    if (!event || event.revision !== revision) {
      throw new Error(`KurrentDB reported revision ${revision} of ${streamId}, which cannot be read back`);
    }
    return event.position;
  }

  private async currentRevision(streamId: string) {
    const [last] = await this.readStream(streamId, { direction: 'backwards', limit: 1 });
    return last ? toActualRevision(last.revision) : 'no_stream';
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidLimit(options.limit);
    // No port stream starts with '$' (appends refuse them); those names belong to the server's
    // own streams, which the port does not expose and which may need other permissions.
    if (isSystemName(streamId)) return [];
    const backwards = options.direction === 'backwards';
    let fromRevision = options.fromRevision;
    if (fromRevision !== undefined && fromRevision < 0n) {
      // The client refuses negative revisions; the SQL stores read nothing below 0 backwards
      // and everything forwards, so do the same.
      if (backwards) return [];
      fromRevision = undefined;
    }
    const events: RecordedEvent[] = [];
    try {
      const reading = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: fromRevision ?? (backwards ? END : CLIENT_START),
        ...(options.limit === undefined ? {} : { maxCount: options.limit }),
      });
      for await (const resolved of reading) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      // A stream never written to (or deleted, which the port never does) reads as empty.
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
      throw toStoreError(error);
    }
    return events;
  }

  /**
   * The server applies one filter field; what it cannot express (the second field, and system
   * names it may let through) is checked here, so a page can hold fewer events than were read.
   * Reading then continues from the last event seen until the page is full or the log ends.
   */
  async readAll(options: ReadAllOptions): Promise<ReadAllPage> {
    assertValidLimit(options.limit);
    const { after, limit, filter } = options;
    const serverFilter = toClientFilter(filter);
    const events: RecordedEvent[] = [];
    let cursor = after;
    try {
      for (;;) {
        // One more than needed: the read includes the record at `cursor`, which is dropped.
        const requested = limit - events.length + 1;
        let received = 0;
        let lastSeen: GlobalPosition | undefined;
        const reading = this.client.readAll({
          direction: FORWARDS,
          fromPosition: toReadPosition(cursor),
          maxCount: requested,
          filter: serverFilter,
        });
        for await (const resolved of reading) {
          received += 1;
          const event = toRecordedEvent(resolved);
          if (!event || !isAfter(event.position, cursor)) continue;
          lastSeen = event.position;
          if (isVisible(event, filter)) events.push(event);
          if (events.length === limit) break;
        }
        if (events.length === limit || received < requested || !lastSeen) break;
        cursor = lastSeen;
      }
    } catch (error) {
      throw toStoreError(error);
    }
    const last = events[events.length - 1];
    return { events, resumeAfter: last ? last.position : (after ?? START), caughtUp: events.length < limit };
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    assertValidLimit(batchSize, 'batchSize');
    return new KurrentDbSubscription({
      after: options.after,
      filter: options.filter,
      batchSize,
      open: (onCheckpoint) =>
        this.client.subscribeToAll({
          fromPosition: toReadPosition(options.after),
          filter: toClientFilter(options.filter, {
            // About one server checkpoint per batch's worth of events considered.
            checkpointInterval: Math.max(1, Math.ceil(batchSize / SERVER_SEARCH_WINDOW)),
            checkpointReached: (_subscription, position) => onCheckpoint(fromClientPosition(position)),
          }),
        }),
    });
  }

  /** The newest non-system event: the server filter skips system types, this loop the rest. */
  /** KurrentDB has no cheap count of `$all` after a position; a projection's lag is reported as unknown. */
  async countAfter(): Promise<null> {
    return null;
  }

  async lastPosition(): Promise<GlobalPosition | null> {
    let cursor: ReadPosition = END;
    try {
      for (;;) {
        let received = 0;
        let lastSeen: GlobalPosition | undefined;
        const reading = this.client.readAll({
          direction: BACKWARDS,
          fromPosition: cursor,
          maxCount: LAST_POSITION_STEP,
          filter: toClientFilter(undefined),
        });
        for await (const resolved of reading) {
          received += 1;
          const event = toRecordedEvent(resolved);
          if (!event) continue;
          if (isVisible(event)) return event.position;
          lastSeen = event.position;
        }
        if (received < LAST_POSITION_STEP || !lastSeen) return null;
        cursor = lastSeen;
      }
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** See stream-count.ts for what this costs. */
  async streamCount(): Promise<number> {
    return countStreams(this.client);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
