import type { RecordedEvent } from '../events.js';
import type { EventFilter, EventSubscription, SubscriptionBatch } from '../port.js';
import { comparePositions, START, type GlobalPosition } from '../position.js';
import { isAfter, isFiltered, isVisible, toRecordedEvent, toStoreError, type ClientResolvedEvent } from './mapping.js';

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
  /** Opens the client subscription; the server's filter checkpoints are reported to `onCheckpoint`. */
  open(onCheckpoint: (position: GlobalPosition) => void): SubscriptionSource;
}

type Item =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'checkpoint'; readonly position: GlobalPosition }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'fellBehind' }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'end' };

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
 */
export class KurrentDbSubscription implements EventSubscription {
  private source: SubscriptionSource | null = null;
  private readonly queue: Item[] = [];
  private readonly pending: { readonly at: number; readonly item: Item }[] = [];
  private received = 0;
  private queuedEvents = 0;
  private paused = false;
  private live = false;
  private closed = false;
  private finished = false;
  private started = false;
  private checkpoint: GlobalPosition;
  private wake: (() => void) | null = null;
  private readonly filtered: boolean;

  constructor(private readonly options: KurrentDbSubscriptionOptions) {
    this.checkpoint = options.after ?? START;
    this.filtered = isFiltered(options.filter);
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
    this.notify();
    const source = this.source;
    this.source = null;
    // Unsubscribing cancels the gRPC call; a call that never connected rejects here, harmlessly.
    await source?.unsubscribe().catch(() => undefined);
  }

  private open(): void {
    const source = this.options.open((position) => this.signal(source, { kind: 'checkpoint', position }));
    this.source = source;
    source.on('data', (resolved) => this.onData(resolved));
    source.on('caughtUp', () => this.signal(source, { kind: 'caughtUp' }));
    source.on('fellBehind', () => this.signal(source, { kind: 'fellBehind' }));
    source.on('error', (error) => this.signal(source, { kind: 'error', error: toStoreError(error) }));
    source.on('end', () => this.signal(source, { kind: 'end' }));
    source.on('close', () => this.signal(source, { kind: 'end' }));
  }

  private onData(resolved: ClientResolvedEvent): void {
    this.received += 1;
    const event = toRecordedEvent(resolved);
    // The server resumes after `after` already; the check guards the exclusive contract anyway.
    if (event && isAfter(event.position, this.options.after) && isVisible(event, this.options.filter)) {
      this.queue.push({ kind: 'event', event });
      this.queuedEvents += 1;
    }
    this.releaseSignals();
    if (this.queuedEvents >= 2 * this.options.batchSize && !this.paused) {
      this.paused = true;
      this.source?.pause();
    }
    this.notify();
  }

  private signal(source: SubscriptionSource | undefined, item: Item): void {
    const buffered = source?.readableLength ?? 0;
    this.pending.push({ at: this.received + buffered, item });
    this.releaseSignals();
    this.notify();
  }

  private releaseSignals(): void {
    while (this.pending.length > 0 && this.pending[0]!.at <= this.received) {
      this.queue.push(this.pending.shift()!.item);
    }
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
      if (head?.kind === 'error' || head?.kind === 'end') {
        this.queue.shift();
        this.finished = true;
        await this.close();
        if (head.kind === 'error') throw head.error;
        return { done: true, value: undefined };
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
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
