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
  EventFilter,
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
import { confirmsClaim, findPriorAppend, type ClaimedRevisions, type PriorAppend } from './idempotency.js';
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
import type { BackoffOptions, SubscriptionLogger } from './outage.js';
import { countStreams } from './stream-count.js';
import { KurrentDbSubscription } from './subscription.js';

const DEFAULT_BATCH_SIZE = 500;
/** The server raises a filter checkpoint every `interval × 32` events it considers. */
const SERVER_SEARCH_WINDOW = 32;
/** How many $all records lastPosition reads per step while skipping system events. */
const LAST_POSITION_STEP = 32;
/** How many of a stream's last events an append with `any` / `exists` searches for its own ids. */
const RETRY_WINDOW = 1_000;

export interface KurrentDbEventStoreOptions {
  /** See RETRY_WINDOW; the deeper, the later a retry is still recognised, the more each append reads. */
  readonly retryWindow?: number;
  /** How often an idle, caught-up filtered subscription checks whether it may move to the head of $all. */
  readonly headProbeIntervalMs?: number;
  /** Waits between resubscribes after a subscription drops. */
  readonly resubscribeBackoff?: BackoffOptions;
  readonly logger?: SubscriptionLogger;
}

/** What the stream held before an append: the basis for telling a fresh write from a retry. */
type StreamBefore =
  /** The stream already holds (some of) these ids: answered without writing. */
  | { readonly prior: Exclude<PriorAppend, { kind: 'none' }> }
  /** The last revision the stream can have had before this append wrote (-1: none). */
  | { readonly lastRevision: bigint };

/** The event store on KurrentDB, through the official gRPC client. */
export class KurrentDbEventStore implements EventStore {
  readonly kind = 'kurrentdb' as const;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly options: KurrentDbEventStoreOptions = {},
  ) {}

  /** e.g. `kurrentdb://admin:changeit@localhost:2113?tls=false`. Connects lazily, on first use. */
  static connect(connectionString: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events);
    const before = await this.streamBefore(streamId, events, expectedRevision);
    if ('prior' in before) return answerPrior(streamId, events, before.prior);
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
    return this.acceptAnswer(streamId, events, result, before.lastRevision);
  }

  /**
   * An exact expected revision (or `no_stream`) is itself the stream's state before the write,
   * and the server recognises a retry against it reliably. `any` / `exists` say nothing, and the
   * server's id cache is bounded and lost on restart: the stream's tail is searched for the ids.
   */
  private async streamBefore(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<StreamBefore> {
    if (expected === 'no_stream') return { lastRevision: -1n };
    if (typeof expected === 'bigint') return { lastRevision: expected };
    const window = this.options.retryWindow ?? RETRY_WINDOW;
    const tail = (await this.readStream(streamId, { direction: 'backwards', limit: window })).reverse();
    let prior = findPriorAppend(tail, events);
    if (prior.kind === 'conflict' && tail.length === window) {
      // An earlier append cut by the window's edge looks partial; the whole stream tells.
      prior = findPriorAppend(await this.readStream(streamId), events);
    }
    if (prior.kind !== 'none') return { prior };
    return { lastRevision: tail[tail.length - 1]?.revision ?? -1n };
  }

  /**
   * A fresh write lands after everything stored before it and comes with its position. An answer
   * without a position, or pointing at revisions that were already stored, is the server
   * recognising a retry; with `any` / `exists` it does that from its id cache alone, which also
   * vouches for reordered or partial ids (and then gives wrong revisions), so it is confirmed
   * against the stream.
   */
  private async acceptAnswer(
    streamId: string,
    events: readonly NewEvent[],
    answer: ClientAppendResult,
    lastRevisionBefore: bigint,
  ): Promise<AppendResult> {
    const last = answer.nextExpectedRevision;
    const claim = { first: last - BigInt(events.length - 1), last };
    if (answer.position && claim.first > lastRevisionBefore) {
      return {
        streamId,
        firstRevision: claim.first,
        nextExpectedRevision: last,
        position: fromClientPosition(answer.position),
      };
    }
    return this.confirmRetry(streamId, events, claim);
  }

  private async confirmRetry(
    streamId: string,
    events: readonly NewEvent[],
    claim: ClaimedRevisions,
  ): Promise<AppendResult> {
    const stored =
      claim.first < 0n ? [] : await this.readStream(streamId, { fromRevision: claim.first, limit: events.length });
    if (confirmsClaim(stored, events, claim)) return retryResult(streamId, stored[0]!, stored[stored.length - 1]!);
    // The ids are not stored as this append where the server says: classify them as the SQL
    // stores would. Should none be found, the server still holds them as used in this stream, and
    // it would answer the same to any resend: they cannot be written under these ids.
    const prior = findPriorAppend(await this.readStream(streamId), events);
    if (prior.kind === 'retry') return answerPrior(streamId, events, prior);
    throw idConflict(streamId, events);
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
    return answerPrior(streamId, events, prior);
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
      headProbeIntervalMs: this.options.headProbeIntervalMs,
      backoff: this.options.resubscribeBackoff,
      logger: this.options.logger,
      open: (from, onCheckpoint) =>
        this.client.subscribeToAll({
          fromPosition: toReadPosition(from),
          filter: toClientFilter(options.filter, {
            // About one server checkpoint per batch's worth of events considered.
            checkpointInterval: Math.max(1, Math.ceil(batchSize / SERVER_SEARCH_WINDOW)),
            checkpointReached: (_subscription, position) => onCheckpoint(fromClientPosition(position)),
          }),
        }),
      quietHead: (after) => this.quietHead(after, options.filter),
    });
  }

  /**
   * The head of $all, if no event of `filter` lies between `after` and it: then a subscriber
   * that has handled everything up to `after` has handled everything up to the head. This is
   * what the SQL stores' horizon gives a filtered reader; KurrentDB's own filter checkpoints
   * come only every 32 × interval events considered.
   */
  private async quietHead(after: GlobalPosition, filter: EventFilter | undefined): Promise<GlobalPosition | null> {
    const head = await this.headPosition();
    if (!head || !isAfter(head, after)) return null;
    // Read after the head was taken: every event below the head was written before, so it is seen.
    const next = await this.readAll({ after, limit: 1, filter });
    const first = next.events[0];
    return first && !isAfter(first.position, head) ? null : head;
  }

  /** The last record of $all, system records included: positions only, nothing is delivered. */
  private async headPosition(): Promise<GlobalPosition | null> {
    try {
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
        return toRecordedEvent(resolved)?.position ?? null;
      }
      return null;
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** KurrentDB has no cheap count of `$all` after a position; a projection's lag is reported as unknown. */
  async countAfter(): Promise<null> {
    return null;
  }

  /** The newest non-system event: the server filter skips system types, this loop the rest. */
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

function retryResult(streamId: string, first: RecordedEvent, last: RecordedEvent): AppendResult {
  return { streamId, firstRevision: first.revision, nextExpectedRevision: last.revision, position: last.position };
}

function idConflict(streamId: string, events: readonly NewEvent[]): EventIdConflictError {
  return new EventIdConflictError(
    streamId,
    events.map((event) => event.id),
  );
}

/** What the port answers when the stream already holds some of the ids: the first result, or a conflict. */
function answerPrior(
  streamId: string,
  events: readonly NewEvent[],
  prior: Exclude<PriorAppend, { kind: 'none' }>,
): AppendResult {
  if (prior.kind === 'conflict') throw idConflict(streamId, events);
  return retryResult(streamId, prior.first, prior.last);
}
