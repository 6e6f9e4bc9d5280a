import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from './events.js';
import { PollingSubscription } from './polling-subscription.js';
import type { SubscriptionBatch } from './port.js';
import { START, type GlobalPosition } from './position.js';

/** A log in memory that wakes its listener on every append, as NOTIFY does. */
function memoryLog() {
  const events: RecordedEvent[] = [];
  let wake = (): void => undefined;
  return {
    append(id: string): void {
      const commit = BigInt(events.length + 1);
      events.push({
        id,
        type: 'Appended',
        data: {},
        position: { commit, prepare: commit },
      } as unknown as RecordedEvent);
      wake();
    },
    subscribe(burstLingerMs: number): PollingSubscription {
      return new PollingSubscription({
        after: START,
        batchSize: 100,
        filtered: false,
        burstLingerMs,
        readPage: async (after: GlobalPosition, limit: number) => {
          const page = events.filter((event) => event.position.commit > after.commit).slice(0, limit);
          return { events: page, resumeAfter: page.at(-1)?.position ?? after, caughtUp: page.length < limit };
        },
        listen: async (onWake) => {
          wake = onWake;
          return async () => undefined;
        },
      });
    },
  };
}

const ids = (batch: SubscriptionBatch) => batch.events.map((event) => event.id);
// Unreferenced: a pause still pending when a test ends must not keep jest waiting.
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

describe('PollingSubscription, live', () => {
  it('reads the events of a burst of writes together when it lingers', async () => {
    const log = memoryLog();
    const subscription = log.subscribe(100);
    const batches = subscription[Symbol.asyncIterator]();
    try {
      expect((await batches.next()).value).toMatchObject({ events: [], caughtUp: true });
      log.append('first');
      expect(ids((await batches.next()).value)).toEqual(['first']);
      // Two more commands 20 ms apart, right after the first: one batch, one commit for its consumer.
      log.append('second');
      await pause(20);
      log.append('third');
      expect(ids((await batches.next()).value)).toEqual(['second', 'third']);
    } finally {
      await subscription.close();
    }
  });

  it('reads each write at once when it does not linger (the default)', async () => {
    const log = memoryLog();
    const subscription = log.subscribe(0);
    const batches = subscription[Symbol.asyncIterator]();
    try {
      await batches.next();
      log.append('first');
      expect(ids((await batches.next()).value)).toEqual(['first']);
      log.append('second');
      const next = batches.next();
      await pause(20);
      log.append('third');
      expect(ids((await next).value)).toEqual(['second']);
      expect(ids((await batches.next()).value)).toEqual(['third']);
    } finally {
      await subscription.close();
    }
  });

  it('does not make a write after a quiet spell wait', async () => {
    const log = memoryLog();
    const subscription = log.subscribe(5_000);
    const batches = subscription[Symbol.asyncIterator]();
    try {
      await batches.next();
      log.append('first');
      await batches.next();
      await pause(400);
      log.append('after the quiet spell');
      // Lingering would hold this batch back 5 s, longer than the race allows.
      const batch = await Promise.race([batches.next(), pause(2_000).then(() => 'lingered' as const)]);
      expect(batch === 'lingered' ? batch : ids(batch.value)).toEqual(['after the quiet spell']);
    } finally {
      await subscription.close();
    }
  });
});
