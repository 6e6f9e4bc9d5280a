import type { EventSubscription, ReadAllPage, SubscriptionBatch } from './port.js';
import { comparePositions, type GlobalPosition } from './position.js';

export interface PollingSubscriptionOptions {
  readonly after: GlobalPosition;
  readonly batchSize: number;
  readonly filtered: boolean;
  /** SubscribeOptions.burstLingerMs. */
  readonly burstLingerMs?: number;
  readPage(after: GlobalPosition, limit: number): Promise<ReadAllPage & { heldBack?: boolean }>;
  /** Registers a callback for "new events may exist" (LISTEN/NOTIFY, reconnects); returns an unsubscribe. */
  listen(wake: () => void): Promise<() => Promise<void>>;
  onError?(error: unknown): void;
}

/** While a running transaction holds newer events back, look again this soon. */
const HELD_BACK_RETRY_MS = 15;
/** A safety net against a lost notification; notifications do the real work. */
const IDLE_RECHECK_MS = 5_000;
/** A wake-up this soon after a live page that held events counts as part of a burst of writes. */
const BURST_WINDOW_MS = 250;

/**
 * Catch-up then live reading of the global log. It reads pages until it is caught up, then
 * sleeps until a notification (or the idle safety net) wakes it. A notification that arrives
 * while a page is being read is remembered, so none is lost between reading and sleeping.
 */
export class PollingSubscription implements EventSubscription {
  private closed = false;
  private dirty = true;
  private wakeUp: (() => void) | null = null;
  private started = false;

  constructor(private readonly options: PollingSubscriptionOptions) {}

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    this.dirty = true;
    const resolve = this.wakeUp;
    this.wakeUp = null;
    resolve?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.dirty || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionBatch> {
    if (this.started) throw new Error('A subscription can be iterated only once');
    this.started = true;
    const unlisten = await this.options.listen(() => this.wake());
    let after = this.options.after;
    let live = false;
    let failures = 0;
    let lastEventsAt = Number.NEGATIVE_INFINITY;
    const linger = this.options.burstLingerMs ?? 0;
    try {
      while (!this.closed) {
        if (live && linger > 0 && Date.now() - lastEventsAt < BURST_WINDOW_MS) {
          // Notifications that arrive meanwhile are folded into the one read that follows.
          await new Promise((resolve) => setTimeout(resolve, linger));
          if (this.closed) break;
        }
        this.dirty = false;
        let page: ReadAllPage & { heldBack?: boolean };
        try {
          page = await this.options.readPage(after, this.options.batchSize);
          failures = 0;
        } catch (error) {
          this.options.onError?.(error);
          failures += 1;
          await this.sleep(Math.min(5_000, 50 * 2 ** failures));
          this.dirty = true;
          continue;
        }
        const advanced = comparePositions(page.resumeAfter, after) > 0;
        after = page.resumeAfter;
        const becameLive = page.caughtUp && !live;
        live = page.caughtUp;
        if (this.closed) break;
        if (live && page.events.length > 0) lastEventsAt = Date.now();
        if (page.events.length > 0 || becameLive || (this.options.filtered && advanced)) {
          yield { events: page.events, checkpoint: after, caughtUp: page.caughtUp };
        }
        if (page.caughtUp) await this.sleep(page.heldBack ? HELD_BACK_RETRY_MS : IDLE_RECHECK_MS);
      }
    } finally {
      this.closed = true;
      await unlisten();
    }
  }
}
