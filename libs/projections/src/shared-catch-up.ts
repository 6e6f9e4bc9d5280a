import { upcast } from '#domain';
import {
  comparePositions,
  type EventStore,
  type EventSubscription,
  type GlobalPosition,
  type RecordedEvent,
  type SubscriptionBatch,
} from '#event-store';

/** Where a runner gets its events: a shared catch-up of its engine, or a subscription of its own. */
export interface EventSource {
  /** The runner's events after `after`, upcast, in log order: a catch-up, then live. */
  join(key: string, after: GlobalPosition, eventTypes: readonly string[]): EventSubscription;
  /** The runner will not read (paused, failed or stopped before it started); idempotent. */
  decline(key: string): void;
}

/** Pages a member may have waiting before the reader waits for it: reading overlaps writing, memory stays bounded. */
const READ_AHEAD_PAGES = 2;

/** How a runner reads once it is live: events per batch, and how long it lingers under a burst of writes. */
export interface LiveReading {
  readonly batchSize: number;
  readonly burstLingerMs: number;
}

/** A runner's own live subscription, with every event upcast once. */
export function ownSubscription(
  store: EventStore,
  after: GlobalPosition,
  eventTypes: readonly string[],
  { batchSize, burstLingerMs }: LiveReading,
): EventSubscription {
  const subscription = store.subscribeToAll({ after, filter: { eventTypes }, batchSize, burstLingerMs });
  return {
    close: () => subscription.close(),
    async *[Symbol.asyncIterator]() {
      for await (const batch of subscription) yield { ...batch, events: batch.events.map((event) => upcast(event)) };
    },
  };
}

/**
 * One reader for the runners an engine starts together. While they are behind, it reads each
 * page of the global log once, upcasts each event once, and hands every member the events of its
 * types after its own checkpoint; each member still applies and commits on its own. A member that
 * closes (failed, paused, stopped) leaves at once and holds nobody back; a slow member holds the
 * reader back by at most `READ_AHEAD_PAGES`. At the head of the log each member goes on with a
 * live subscription of its own, from where the shared pages left it.
 *
 * The reader starts once `seal()` was called and every expected member has joined or declined.
 */
export class SharedCatchUp implements EventSource {
  private readonly expected = new Set<string>();
  private readonly members = new Map<string, Member>();
  private sealed = false;
  private started = false;

  constructor(
    private readonly store: EventStore,
    /** Events per shared page (a runner's batch while catching up). */
    private readonly pageSize: number,
    /** How each runner reads once live, on a subscription of its own. */
    private readonly live: LiveReading,
  ) {}

  /** A runner of this pass will call `join` or `decline` with this key. */
  expect(key: string): void {
    if (this.started) throw new Error('A shared catch-up takes no members once it has started');
    this.expected.add(key);
  }

  /** No more members will be expected. */
  seal(): void {
    this.sealed = true;
    this.startWhenReady();
  }

  join(key: string, after: GlobalPosition, eventTypes: readonly string[]): EventSubscription {
    if (this.started || !this.expected.delete(key)) {
      // Not part of this catch-up (or too late for it): a subscription of its own.
      return ownSubscription(this.store, after, eventTypes, this.live);
    }
    const member = new Member(after, eventTypes, {
      subscribeLive: (live) => ownSubscription(this.store, live, eventTypes, this.live),
      taken: () => this.wakeReader?.(),
      closed: () => {
        this.members.delete(key);
        this.wakeReader?.();
      },
    });
    this.members.set(key, member);
    this.startWhenReady();
    return member;
  }

  decline(key: string): void {
    if (this.expected.delete(key)) this.startWhenReady();
  }

  private wakeReader: (() => void) | null = null;

  private startWhenReady(): void {
    if (this.started || !this.sealed || this.expected.size > 0) return;
    this.started = true;
    if (this.members.size === 0) return;
    void this.read().catch((error: unknown) => {
      for (const member of this.members.values()) member.fail(error);
    });
  }

  /** Resolves when every member has room for another page (or has left). */
  private async room(): Promise<void> {
    for (;;) {
      if ([...this.members.values()].every((member) => member.queued < READ_AHEAD_PAGES)) return;
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
      this.wakeReader = null;
    }
  }

  private async read(): Promise<void> {
    let after = [...this.members.values()].map((member) => member.after).reduce(earliest);
    const filter = unionFilter([...this.members.values()]);
    for (;;) {
      await this.room();
      if (this.members.size === 0) return;
      const page = await this.store.readAll({ after, limit: this.pageSize, filter });
      const events = page.events.map((event) => upcast(event));
      for (const member of this.members.values()) member.offer(events, page.resumeAfter, page.caughtUp);
      after = page.resumeAfter;
      if (page.caughtUp) {
        for (const member of this.members.values()) member.goLive();
        this.members.clear();
        return;
      }
    }
  }
}

function earliest(a: GlobalPosition, b: GlobalPosition): GlobalPosition {
  return comparePositions(a, b) <= 0 ? a : b;
}

/** The types every member reads, or no filter when one member reads every type (an empty list). */
function unionFilter(members: readonly Member[]): { eventTypes?: readonly string[] } | undefined {
  if (members.some((member) => member.types === null)) return undefined;
  return { eventTypes: [...new Set(members.flatMap((member) => [...member.types!]))] };
}

type Waiting = { resolve: (result: IteratorResult<SubscriptionBatch>) => void; reject: (error: unknown) => void };

interface MemberHooks {
  subscribeLive(after: GlobalPosition): EventSubscription;
  /** A batch was taken off the queue: the shared reader may have room again. */
  taken(): void;
  closed(): void;
}

/** One runner's view of a shared catch-up: a queue of its batches, then its own live subscription. */
class Member implements EventSubscription {
  readonly types: ReadonlySet<string> | null;
  private readonly queue: SubscriptionBatch[] = [];
  private waiting: Waiting | null = null;
  private live: EventSubscription | null = null;
  private handedOver = false;
  private closed = false;
  private failure: { error: unknown } | null = null;
  private liveIterator: AsyncIterator<SubscriptionBatch> | null = null;

  constructor(
    /** The checkpoint after the last batch handed to this member. */
    public after: GlobalPosition,
    eventTypes: readonly string[],
    private readonly hooks: MemberHooks,
  ) {
    this.types = eventTypes.length === 0 ? null : new Set(eventTypes);
  }

  get queued(): number {
    return this.queue.length;
  }

  /** `caughtUp`: this page reached the head of the log (the runner records it with the batch). */
  offer(events: readonly RecordedEvent[], checkpoint: GlobalPosition, caughtUp: boolean): void {
    if (this.closed || comparePositions(checkpoint, this.after) <= 0) return;
    const after = this.after;
    const mine = events.filter(
      (event) => comparePositions(event.position, after) > 0 && (this.types === null || this.types.has(event.type)),
    );
    this.after = checkpoint;
    this.push({ events: mine, checkpoint, caughtUp });
  }

  goLive(): void {
    this.handedOver = true;
    this.flushWaiting();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.flushWaiting();
  }

  private push(batch: SubscriptionBatch): void {
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: batch, done: false });
    } else {
      this.queue.push(batch);
    }
  }

  /** Wakes a reader waiting on an empty queue when the shared part is over (live or failed). */
  private flushWaiting(): void {
    if (!this.waiting || this.queue.length > 0) return;
    const { resolve, reject } = this.waiting;
    this.waiting = null;
    this.next().then(resolve, reject);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.hooks.closed();
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = null;
    await this.live?.close();
  }

  private next(): Promise<IteratorResult<SubscriptionBatch>> {
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    const batch = this.queue.shift();
    if (batch) {
      this.hooks.taken();
      return Promise.resolve({ value: batch, done: false });
    }
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.handedOver) {
      if (!this.liveIterator) {
        this.live = this.hooks.subscribeLive(this.after);
        this.liveIterator = this.live[Symbol.asyncIterator]();
      }
      return this.liveIterator.next();
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionBatch> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { value: undefined, done: true };
      },
    };
  }
}
