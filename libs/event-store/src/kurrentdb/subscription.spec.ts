import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { UnavailableError } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../errors.js';
import type { EventFilter, SubscriptionBatch } from '../port.js';
import type { GlobalPosition } from '../position.js';
import type { ClientResolvedEvent } from './mapping.js';
import { KurrentDbSubscription } from './subscription.js';

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
    open: (onCheckpoint) => {
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

  it('delivers the events read before a failure, then throws it as a port error', async () => {
    const { source, iterator } = subscribe();
    source.event(10n);
    source.emit('error', new UnavailableError());
    expect(await nextBatch(iterator)).toEqual({ commits: [10n], checkpoint: 10n, caughtUp: false });
    await expect(iterator.next()).rejects.toBeInstanceOf(EventStoreUnavailableError);
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
