import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { AccessDeniedError, UnavailableError } from '@kurrent/kurrentdb-client';
import type { EventFilter, SubscriptionBatch } from '../port.js';
import type { GlobalPosition } from '../position.js';
import type { ClientResolvedEvent } from './mapping.js';
import { KurrentDbSubscription, type KurrentDbSubscriptionOptions } from './subscription.js';

/**
 * Behaves like the client's Subscription: events wait in a Readable buffer while signals
 * (caughtUp, checkpoints, errors) fire at once, ahead of them.
 */
class FakeSource extends Readable {
  unsubscribed = 0;
  onCheckpoint: (position: GlobalPosition) => void = () => undefined;

  constructor() {
    super({ objectMode: true });
  }

  override _read(): void {}

  event(commit: bigint, type = 'thing.happened', streamId = 'thing-1'): void {
    const resolved: ClientResolvedEvent = {
      event: {
        streamId,
        id: `00000000-0000-4000-8000-${commit.toString().padStart(12, '0')}`,
        type,
        revision: commit,
        created: new Date('2024-01-01T00:00:00.000Z'),
        data: { n: Number(commit) },
        metadata: {
          schemaVersion: 1,
          occurredAt: '2024-01-01T00:00:00.000Z',
          actor: { id: 'a', role: 'r' },
          correlationId: 'c',
        },
        position: { commit, prepare: commit },
      },
    };
    this.push(resolved);
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed += 1;
    this.push(null);
  }
}

function subscribe(options: { after?: GlobalPosition; filter?: EventFilter; batchSize?: number } = {}) {
  const source = new FakeSource();
  const subscription = new KurrentDbSubscription({
    after: options.after,
    filter: options.filter,
    batchSize: options.batchSize ?? 500,
    open: (_from, onCheckpoint) => {
      source.onCheckpoint = onCheckpoint;
      return source;
    },
  });
  const iterator = subscription[Symbol.asyncIterator]();
  return { source, subscription, iterator };
}

const at = (commit: bigint): GlobalPosition => ({ commit, prepare: commit });

function summary(batch: SubscriptionBatch) {
  return {
    commits: batch.events.map((event) => event.position.commit),
    checkpoint: batch.checkpoint.commit,
    caughtUp: batch.caughtUp,
  };
}

async function nextBatch(iterator: AsyncIterator<SubscriptionBatch>) {
  const result = await iterator.next();
  if (result.done) throw new Error('subscription ended');
  return summary(result.value);
}

describe('KurrentDbSubscription', () => {
  it('batches at most batchSize events and marks only the batch reaching the head as caught up', async () => {
    const { source, iterator } = subscribe({ batchSize: 2 });
    for (const commit of [10n, 20n, 30n, 40n, 50n]) source.event(commit);
    // Fired while the five events still sit in the client's buffer.
    source.emit('caughtUp', {});
    expect(await nextBatch(iterator)).toEqual({ commits: [10n, 20n], checkpoint: 20n, caughtUp: false });
    expect(await nextBatch(iterator)).toEqual({ commits: [30n, 40n], checkpoint: 40n, caughtUp: false });
    expect(await nextBatch(iterator)).toEqual({ commits: [50n], checkpoint: 50n, caughtUp: true });
  });

  it('emits an empty caught-up batch when nothing is there to read', async () => {
    const { source, iterator } = subscribe({ after: at(70n) });
    source.emit('caughtUp', {});
    expect(await nextBatch(iterator)).toEqual({ commits: [], checkpoint: 70n, caughtUp: true });
  });

  it('marks live batches caught up once nothing more is buffered', async () => {
    const { source, iterator } = subscribe();
    source.emit('caughtUp', {});
    expect(await nextBatch(iterator)).toEqual({ commits: [], checkpoint: 0n, caughtUp: true });
    source.event(10n);
    expect(await nextBatch(iterator)).toEqual({ commits: [10n], checkpoint: 10n, caughtUp: true });
    source.emit('fellBehind', {});
    source.event(20n);
    expect(await nextBatch(iterator)).toEqual({ commits: [20n], checkpoint: 20n, caughtUp: false });
  });

  it('drops the event at `after` and system or filtered-out events', async () => {
    const { source, iterator } = subscribe({ after: at(20n), filter: { streamPrefixes: ['thing-'] } });
    source.event(20n);
    source.event(30n, '$metadata');
    source.event(40n, 'thing.happened', '$$thing-1');
    source.event(50n, 'thing.happened', 'other-1');
    source.event(60n);
    source.emit('caughtUp', {});
    expect(await nextBatch(iterator)).toEqual({ commits: [60n], checkpoint: 60n, caughtUp: true });
  });

  it('hands a filtered consumer a checkpoint only after the events read before it', async () => {
    const { source, iterator } = subscribe({ filter: { eventTypes: ['thing.happened'] } });
    source.event(10n);
    source.event(20n);
    source.onCheckpoint(at(35n));
    source.onCheckpoint(at(35n));
    source.onCheckpoint(at(5n));
    source.onCheckpoint(at(90n));
    expect(await nextBatch(iterator)).toEqual({ commits: [10n, 20n], checkpoint: 20n, caughtUp: false });
    expect(await nextBatch(iterator)).toEqual({ commits: [], checkpoint: 35n, caughtUp: false });
    // The repeated and the older checkpoint move nothing, so they produce no batch.
    expect(await nextBatch(iterator)).toEqual({ commits: [], checkpoint: 90n, caughtUp: false });
  });

  it('gives an unfiltered consumer no checkpoint-only batches', async () => {
    const { source, iterator } = subscribe();
    source.onCheckpoint(at(35n));
    source.event(40n);
    expect(await nextBatch(iterator)).toEqual({ commits: [40n], checkpoint: 40n, caughtUp: false });
  });

  it('delivers the events read before a failure that is not the connection, then throws it as is', async () => {
    const { source, iterator } = subscribe();
    source.event(10n);
    const denied = new AccessDeniedError();
    source.emit('error', denied);
    expect(await nextBatch(iterator)).toEqual({ commits: [10n], checkpoint: 10n, caughtUp: false });
    await expect(iterator.next()).rejects.toBe(denied);
    expect(source.unsubscribed).toBe(1);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('ends a waiting iteration on close and unsubscribes once', async () => {
    const { source, subscription, iterator } = subscribe();
    const waiting = iterator.next();
    await subscription.close();
    await subscription.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(source.unsubscribed).toBe(1);
  });

  it('closes when the consumer leaves a for-await loop', async () => {
    const source = new FakeSource();
    const subscription = new KurrentDbSubscription({ batchSize: 10, open: () => source });
    source.event(10n);
    const seen: bigint[] = [];
    for await (const batch of subscription) {
      seen.push(...batch.events.map((event) => event.revision));
      break;
    }
    expect(seen).toEqual([10n]);
    expect(source.unsubscribed).toBe(1);
  });

  it('can be iterated only once', () => {
    const { subscription } = subscribe();
    expect(() => subscription[Symbol.asyncIterator]()).toThrow('A subscription can be iterated only once');
  });

  it('pauses the client while two batches wait, and resumes once they are taken', async () => {
    const { source, iterator } = subscribe({ batchSize: 2 });
    for (const commit of [10n, 20n, 30n, 40n, 50n]) source.event(commit);
    expect(await nextBatch(iterator)).toEqual({ commits: [10n, 20n], checkpoint: 20n, caughtUp: false });
    // Four queued events paused the source before the fifth was delivered.
    expect(source.isPaused()).toBe(true);
    expect(await nextBatch(iterator)).toEqual({ commits: [30n, 40n], checkpoint: 40n, caughtUp: false });
    expect(source.isPaused()).toBe(false);
    expect(await nextBatch(iterator)).toEqual({ commits: [50n], checkpoint: 50n, caughtUp: false });
  });
});

/** Opens a new FakeSource per (re)subscribe; waits and logs are recorded, and the test runs the waits. */
function resubscribing(options: Partial<KurrentDbSubscriptionOptions> = {}) {
  const sources: FakeSource[] = [];
  const froms: bigint[] = [];
  const waits: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const logs: string[] = [];
  const subscription = new KurrentDbSubscription({
    batchSize: 10,
    backoff: { initialDelayMs: 100, maxDelayMs: 1_000 },
    logger: { log: (message) => logs.push(`log: ${message}`), warn: (message) => logs.push(`warn: ${message}`) },
    schedule: (ms, run) => {
      const wait = { ms, run, cancelled: false };
      waits.push(wait);
      return () => (wait.cancelled = true);
    },
    open: (from, onCheckpoint) => {
      const source = new FakeSource();
      source.onCheckpoint = onCheckpoint;
      sources.push(source);
      froms.push(from.commit);
      return source;
    },
    ...options,
  });
  const iterator = subscription[Symbol.asyncIterator]();
  const current = () => sources[sources.length - 1]!;
  const lastWait = () => waits[waits.length - 1]!;
  return { subscription, iterator, sources, froms, waits, logs, current, lastWait };
}

const flowed = () => new Promise((resolve) => setImmediate(resolve));

describe('KurrentDbSubscription after a dropped connection', () => {
  it('resubscribes after the last record that arrived, losing and repeating nothing', async () => {
    const { iterator, froms, current, lastWait } = resubscribing();
    current().event(10n);
    current().event(20n);
    expect(await nextBatch(iterator)).toEqual({ commits: [10n, 20n], checkpoint: 20n, caughtUp: false });
    current().event(30n);
    await flowed();
    current().emit('error', new UnavailableError());
    const waiting = iterator.next();
    lastWait().run();
    expect(froms).toEqual([0n, 30n]);
    // The new subscription may hand back the record it starts from; it is not delivered twice.
    for (const commit of [30n, 40n]) current().event(commit);
    current().emit('caughtUp', {});
    const resumed = await waiting;
    expect(resumed.done).toBe(false);
    expect(summary(resumed.value as SubscriptionBatch)).toEqual({ commits: [30n], checkpoint: 30n, caughtUp: false });
    expect(await nextBatch(iterator)).toEqual({ commits: [40n], checkpoint: 40n, caughtUp: true });
  });

  it('waits twice as long after each failed attempt, up to the cap, and logs the outage once', async () => {
    const { current, waits, logs } = resubscribing();
    current().emit('error', new UnavailableError());
    for (let attempt = 0; attempt < 6; attempt += 1) {
      waits[waits.length - 1]!.run();
      current().emit('error', new UnavailableError());
    }
    expect(waits.map((wait) => wait.ms)).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^warn: Subscription to \$all dropped \(KurrentDB is unavailable/);
  });

  it('starts again from the shortest wait once a resubscribe made progress, logging the recovery once', async () => {
    const { iterator, current, waits, logs, lastWait } = resubscribing();
    current().emit('error', new UnavailableError());
    lastWait().run();
    current().emit('error', new UnavailableError());
    lastWait().run();
    current().emit('caughtUp', {});
    expect(await nextBatch(iterator)).toEqual({ commits: [], checkpoint: 0n, caughtUp: true });
    current().emit('error', new UnavailableError());
    expect(waits.map((wait) => wait.ms)).toEqual([100, 200, 100]);
    expect(logs.map((line) => line.split(':')[0])).toEqual(['warn', 'log', 'warn']);
    expect(logs[1]).toMatch(/^log: Subscription to \$all resumed after [\d.]+ s and 2 resubscribe attempt\(s\)$/);
  });

  it('treats a client subscription that ends on its own as dropped', async () => {
    const { current, sources, lastWait, logs } = resubscribing();
    current().push(null);
    await flowed();
    expect(logs).toEqual([expect.stringContaining('the server ended the subscription')]);
    lastWait().run();
    expect(sources).toHaveLength(2);
  });

  it('stops resubscribing when closed during the wait', async () => {
    const { subscription, iterator, current, sources, lastWait } = resubscribing();
    current().emit('error', new UnavailableError());
    await subscription.close();
    expect(lastWait().cancelled).toBe(true);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(sources).toHaveLength(1);
  });
});

describe('KurrentDbSubscription at the head of $all', () => {
  function probing(quietHead: (after: GlobalPosition) => Promise<GlobalPosition | null>, filter?: EventFilter) {
    const source = new FakeSource();
    const subscription = new KurrentDbSubscription({
      filter: filter ?? { eventTypes: ['thing.happened'] },
      batchSize: 10,
      headProbeIntervalMs: 1,
      quietHead,
      open: () => source,
    });
    return { source, subscription, iterator: subscription[Symbol.asyncIterator]() };
  }

  it('hands a live filtered consumer the head when nothing for it lies before it', async () => {
    const asked: bigint[] = [];
    const { source, iterator } = probing(async (after) => {
      asked.push(after.commit);
      return at(500n);
    });
    source.event(10n);
    source.emit('caughtUp', {});
    expect(await nextBatch(iterator)).toEqual({ commits: [10n], checkpoint: 10n, caughtUp: true });
    expect(await nextBatch(iterator)).toEqual({ commits: [], checkpoint: 500n, caughtUp: true });
    expect(asked[0]).toBe(10n);
  });

  it('keeps its checkpoint while an event for it is still on its way, and delivers that event first', async () => {
    let head: GlobalPosition | null = null;
    const { source, iterator } = probing(async () => head);
    source.emit('caughtUp', {});
    expect(await nextBatch(iterator)).toEqual({ commits: [], checkpoint: 0n, caughtUp: true });
    const waiting = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    source.event(70n);
    expect(summary((await waiting).value as SubscriptionBatch)).toEqual({
      commits: [70n],
      checkpoint: 70n,
      caughtUp: true,
    });
    head = at(90n);
    expect(await nextBatch(iterator)).toEqual({ commits: [], checkpoint: 90n, caughtUp: true });
  });

  it('does not look at the head while catching up, nor for an unfiltered consumer', async () => {
    let asked = 0;
    const quietHead = async () => {
      asked += 1;
      return at(500n);
    };
    const catchingUp = probing(quietHead);
    const waiting = catchingUp.iterator.next();
    const unfiltered = probing(quietHead, {});
    unfiltered.source.emit('caughtUp', {});
    expect(await nextBatch(unfiltered.iterator)).toEqual({ commits: [], checkpoint: 0n, caughtUp: true });
    const unfilteredWaiting = unfiltered.iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toBe(0);
    await catchingUp.subscription.close();
    await unfiltered.subscription.close();
    expect((await waiting).done).toBe(true);
    expect((await unfilteredWaiting).done).toBe(true);
  });
});
