import { Logger } from '@nestjs/common';
import { EventStoreUnavailableError } from '../errors.js';
import type { RecordedEvent } from '../events.js';
import type { EventFilter, EventSubscription, SubscriptionBatch } from '../port.js';
import { comparePositions, START, type GlobalPosition } from '../position.js';
import { isAfter, isFiltered, isVisible, toRecordedEvent, toStoreError, type ClientResolvedEvent } from './mapping.js';
import { Outage, type BackoffOptions, type SubscriptionLogger } from './outage.js';

/** The part of the client's AllStreamSubscription (a Node Readable) this adapter uses. */
export interface SubscriptionSource {
  readonly readableLength: number;
  on(event: 'data', listener: (resolved: ClientResolvedEvent) => void): unknown;
  on(event: 'caughtUp' | 'fellBehind' | 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  unsubscribe(): Promise<void>;
}

export interface KurrentDbSubscriptionOptions {
  readonly after?: GlobalPosition;
  readonly filter?: EventFilter;
  readonly batchSize: number;
  /**
   * Opens a client subscription that starts after `from`; the server's filter checkpoints are
   * reported to `onCheckpoint`. Called again after each drop.
   */
  open(from: GlobalPosition, onCheckpoint: (position: GlobalPosition) => void): SubscriptionSource;
  /**
   * The head of $all if no event this subscription would deliver lies between `after` and it,
   * else null. Without it a filtered subscription learns of positions only from server checkpoints.
   */
  quietHead?(after: GlobalPosition): Promise<GlobalPosition | null>;
  /** How often a live, filtered subscription with nothing to deliver asks `quietHead`. */
  readonly headProbeIntervalMs?: number;
  readonly backoff?: BackoffOptions;
  readonly logger?: SubscriptionLogger;
  /** Runs `action` after `ms` and returns its cancellation (tests drive time through it). */
  schedule?(ms: number, action: () => void): () => void;
}

type Item =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'checkpoint'; readonly position: GlobalPosition }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'fellBehind' }
  | { readonly kind: 'error'; readonly error: unknown };

const HEAD_PROBE_INTERVAL_MS = 100;

function scheduleTimeout(ms: number, action: () => void): () => void {
  const timer = setTimeout(action, ms);
  return () => clearTimeout(timer);
}

/**
 * Turns the client's catch-up subscription into batches.
 *
 * Ordering: the client reports `caughtUp`, filter checkpoints and errors the moment it decodes
 * them, while the events decoded before them may still wait in its Readable buffer. A
 * checkpoint handed out ahead of those events would let a consumer store a position past
 * events it never handled. So each signal is tagged with the number of events the client had
 * produced when it fired (delivered + still buffered) and joins the queue only after that many
 * events have arrived here.
 *
 * Checkpoints only ever move forwards. The position the client attaches to `caughtUp` is not
 * used: the server may take it from an event it delivers after the signal, so it is not a safe
 * resume point.
 *
 * Reaching the head: the server sends a filter checkpoint only every 32 × interval events it
 * considers, so a consumer waiting for the position of events it does not receive (read your
 * writes) would wait for unrelated traffic. While live and idle, the subscription asks
 * `quietHead` now and then and hands out the head of $all when nothing for it lies before it.
 *
 * Drops: a connection failure does not end the iteration. The subscription opens a new client
 * subscription after the last record that reached it, waiting longer after each failed attempt,
 * and logs once when it drops and once when it makes progress again. Other failures (access
 * denied, a bug) are thrown to the consumer after the events read before them.
 */
export class KurrentDbSubscription implements EventSubscription {
  private source: SubscriptionSource | null = null;
  private readonly queue: Item[] = [];
  /** Signals of the current source, waiting for the events it produced before them. */
  private pending: { readonly at: number; readonly item: Item }[] = [];
  /** Records the current source has produced so far. */
  private received = 0;
  private queuedEvents = 0;
  private paused = false;
  private live = false;
  private closed = false;
  private finished = false;
  private started = false;
  /** The current source failed for good: its remaining signals are released when it closes. */
  private failing = false;
  /** The last checkpoint handed to the consumer. */
  private checkpoint: GlobalPosition;
  /** Every record up to here has reached this object: where a new client subscription starts. */
  private readUpTo: GlobalPosition;
  private wake: (() => void) | null = null;
  private outage: Outage | null = null;
  private cancelResubscribe: (() => void) | null = null;
  private readonly filtered: boolean;
  private readonly logger: SubscriptionLogger;
  private readonly schedule: (ms: number, action: () => void) => () => void;

  constructor(private readonly options: KurrentDbSubscriptionOptions) {
    this.checkpoint = options.after ?? START;
    this.readUpTo = this.checkpoint;
    this.filtered = isFiltered(options.filter);
    this.logger = options.logger ?? new Logger('KurrentDB subscription');
    this.schedule = options.schedule ?? scheduleTimeout;
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionBatch> {
    if (this.started) throw new Error('A subscription can be iterated only once');
    this.started = true;
    if (!this.closed) this.open();
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelResubscribe?.();
    this.notify();
    await this.detach();
  }

  /** Stops listening to the current source; unsubscribing a call that never connected rejects, harmlessly. */
  private async detach(): Promise<void> {
    const source = this.source;
    this.source = null;
    await source?.unsubscribe().catch(() => undefined);
  }

  private open(): void {
    this.cancelResubscribe = null;
    this.received = 0;
    this.pending = [];
    this.paused = false;
    const current: { source?: SubscriptionSource } = {};
    const guarded = <A extends unknown[]>(handler: (...args: A) => void) => this.whileCurrent(current, handler);
    const onCheckpoint = guarded((position: GlobalPosition) => this.signal({ kind: 'checkpoint', position }));
    try {
      current.source = this.options.open(this.readUpTo, onCheckpoint);
    } catch (error) {
      this.onFailure(error);
      return;
    }
    const source = current.source;
    this.source = source;
    const onData = guarded((resolved: ClientResolvedEvent) => this.onData(resolved));
    const onCaughtUp = guarded(() => this.signal({ kind: 'caughtUp' }));
    const onFellBehind = guarded(() => this.signal({ kind: 'fellBehind' }));
    const onFailure = guarded((error: Error) => this.onFailure(error));
    const onEnd = guarded(() => this.onEnd());
    source.on('data', onData);
    source.on('caughtUp', onCaughtUp);
    source.on('fellBehind', onFellBehind);
    source.on('error', onFailure);
    source.on('end', onEnd);
    source.on('close', onEnd);
  }

  /** A source given up (dropped, closed) may still emit; what it says must not reach its successor. */
  private whileCurrent<A extends unknown[]>(
    current: { readonly source?: SubscriptionSource },
    handler: (...args: A) => void,
  ): (...args: A) => void {
    return (...args) => {
      if (current.source !== undefined && current.source === this.source && !this.closed) handler(...args);
    };
  }

  private onData(resolved: ClientResolvedEvent): void {
    this.recovered();
    this.received += 1;
    const event = toRecordedEvent(resolved);
    // After a resubscribe the server starts after `readUpTo` already; the check guards the
    // exclusive contract anyway.
    if (event && isAfter(event.position, this.readUpTo)) {
      this.readUpTo = event.position;
      if (isVisible(event, this.options.filter)) {
        this.queue.push({ kind: 'event', event });
        this.queuedEvents += 1;
      }
    }
    this.releaseSignals();
    if (this.queuedEvents >= 2 * this.options.batchSize && !this.paused) {
      this.paused = true;
      this.source?.pause();
    }
    this.notify();
  }

  private signal(item: Item): void {
    if (item.kind !== 'error') this.recovered();
    const buffered = this.source?.readableLength ?? 0;
    this.pending.push({ at: this.received + buffered, item });
    this.releaseSignals();
    this.notify();
  }

  private releaseSignals(force = false): void {
    while (this.pending.length > 0 && (force || this.pending[0]!.at <= this.received)) {
      const { item } = this.pending.shift()!;
      if (item.kind === 'checkpoint' && isAfter(item.position, this.readUpTo)) this.readUpTo = item.position;
      this.queue.push(item);
    }
  }

  private onFailure(error: unknown): void {
    if (this.failing) return;
    const failure = toStoreError(error);
    if (failure instanceof EventStoreUnavailableError) {
      this.drop(failure.message);
      return;
    }
    this.failing = true;
    this.signal({ kind: 'error', error: failure });
  }

  /** A source that ends on its own was dropped; one that failed for good owes its last signals. */
  private onEnd(): void {
    if (!this.failing) {
      this.drop('the server ended the subscription');
      return;
    }
    this.releaseSignals(true);
    this.notify();
  }

  /**
   * Gives up the current source and opens another after a wait. Its signals still pending refer
   * to events that never arrived here; they are dropped, and the new source reads those events
   * again from `readUpTo`.
   */
  private drop(reason: string): void {
    void this.detach();
    this.live = false;
    this.pending = [];
    if (!this.outage) {
      this.outage = new Outage(this.options.backoff);
      this.logger.warn(`Subscription to $all dropped (${reason}); resubscribing after ${describe(this.readUpTo)}`);
    }
    this.cancelResubscribe = this.schedule(this.outage.nextDelay(), () => {
      if (!this.closed) this.open();
    });
  }

  /** Progress from a source ends the outage: the next drop starts again from the shortest wait. */
  private recovered(): void {
    if (!this.outage) return;
    this.logger.log(`Subscription to $all resumed ${this.outage.describeRecovery()}`);
    this.outage = null;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async next(): Promise<IteratorResult<SubscriptionBatch>> {
    for (;;) {
      if (this.closed || this.finished) return { done: true, value: undefined };
      const batch = this.takeBatch();
      if (batch) return { done: false, value: batch };
      const head = this.queue[0];
      if (head?.kind === 'error') {
        this.queue.shift();
        this.finished = true;
        await this.close();
        throw head.error;
      }
      await this.idle();
    }
  }

  /** Waits for the source; a live filtered subscription looks at the head of $all meanwhile. */
  private async idle(): Promise<void> {
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    if (!this.canProbeHead()) return woken;
    let cancel = (): void => undefined;
    const probeDue = new Promise<'probe'>((resolve) => {
      cancel = this.schedule(this.options.headProbeIntervalMs ?? HEAD_PROBE_INTERVAL_MS, () => resolve('probe'));
    });
    const reason = await Promise.race([woken.then(() => 'woken' as const), probeDue]);
    cancel();
    if (reason === 'probe') await this.probeHead();
  }

  private canProbeHead(): boolean {
    return this.filtered && this.live && this.options.quietHead !== undefined && this.source !== null;
  }

  /**
   * Hands out the head of $all as a checkpoint when nothing this subscription delivers lies
   * before it. Safe without waiting for the source: every event below the head exists already,
   * so none for us can arrive later below it, and the queue holds only events after it.
   */
  private async probeHead(): Promise<void> {
    let head: GlobalPosition | null;
    try {
      head = (await this.options.quietHead?.(this.checkpoint)) ?? null;
    } catch {
      // A failing read is the connection's failure too; the source reports it and resubscribes.
      return;
    }
    if (head && !this.closed && isAfter(head, this.checkpoint)) this.queue.push({ kind: 'checkpoint', position: head });
  }

  /** Up to batchSize queued events; stops at a signal so it is handled after them. */
  private takeBatch(): SubscriptionBatch | null {
    const events: RecordedEvent[] = [];
    let reachedHead = false;
    let checkpoint: GlobalPosition | null = null;
    while (this.queue.length > 0) {
      const item = this.queue[0]!;
      if (item.kind === 'event') {
        if (events.length === this.options.batchSize) break;
        events.push(item.event);
      } else if (item.kind === 'caughtUp') {
        this.live = true;
        reachedHead = true;
      } else if (item.kind === 'fellBehind') {
        this.live = false;
      } else if (item.kind === 'checkpoint') {
        if (events.length > 0) break;
        if (this.filtered && comparePositions(item.position, this.checkpoint) > 0) checkpoint = item.position;
      } else {
        break;
      }
      this.queue.shift();
      if (reachedHead || checkpoint) break;
    }
    this.queuedEvents -= events.length;
    if (this.paused && this.queuedEvents < this.options.batchSize) {
      this.paused = false;
      this.source?.resume();
    }
    if (events.length > 0) checkpoint = events[events.length - 1]!.position;
    if (events.length === 0 && !reachedHead && !checkpoint) return null;
    if (checkpoint && comparePositions(checkpoint, this.checkpoint) > 0) this.checkpoint = checkpoint;
    const drained = !this.queue.some((item) => item.kind === 'event') && (this.source?.readableLength ?? 0) === 0;
    return { events, checkpoint: this.checkpoint, caughtUp: reachedHead || (this.live && drained) };
  }
}

function describe(position: GlobalPosition): string {
  return `${position.commit}/${position.prepare}`;
}
