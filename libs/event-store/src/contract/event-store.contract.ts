import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventIdConflictError, InvalidEventError, WrongExpectedRevisionError } from '../errors.js';
import type { RecordedEvent } from '../events.js';
import type { EventStore, ExpectedRevision, SubscriptionBatch } from '../port.js';
import { comparePositions, formatPosition, START, type GlobalPosition } from '../position.js';
import { anEvent, someEvents, uniqueStream } from './fixtures.js';

export interface ContractTarget {
  store: EventStore;
  dispose(): Promise<void>;
}

export interface ContractCapabilities {
  /**
   * PostgreSQL and PGlite keep event ids unique across the whole log. KurrentDB only
   * deduplicates within a stream, so the cases that reuse an id in another stream are run
   * only where the backend promises it.
   */
  readonly globallyUniqueEventIds: boolean;
}

async function readWholeStream(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  return store.readStream(streamId);
}

async function readAllWithPrefix(store: EventStore, prefix: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after: GlobalPosition = START;
  for (;;) {
    const page = await store.readAll({ after, limit: 97, filter: { streamPrefixes: [prefix] } });
    events.push(...page.events);
    after = page.resumeAfter;
    if (page.caughtUp) return events;
  }
}

/**
 * The log of `prefix` once it holds at least `count` events. The global log is read only below the
 * oldest transaction still open anywhere on the server (docs/event-store.md), so on a server shared
 * with other suites, events appended a moment ago may take a moment to show; they always do.
 */
async function settledLog(store: EventStore, prefix: string, count: number): Promise<RecordedEvent[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const events = await readAllWithPrefix(store, prefix);
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function expectRejection<E extends Error>(
  promise: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/** Collects batches until `until` holds or the time runs out. */
async function collect(
  iterator: AsyncIterator<SubscriptionBatch>,
  until: (events: RecordedEvent[]) => boolean,
  timeoutMs = 20_000,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!until(events)) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`Subscription timed out after ${events.length} events`);
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), remaining).unref()),
    ]);
    if (next === 'timeout') continue;
    if (next.done) break;
    events.push(...next.value.events);
  }
  return events;
}

/**
 * The behaviour every adapter of the EventStore port must show. Each adapter's spec calls
 * this with a way to open a store on an empty (or at least private) database.
 */
export function eventStoreContract(
  name: string,
  open: () => Promise<ContractTarget>,
  capabilities: ContractCapabilities = { globallyUniqueEventIds: true },
): void {
  const whereIdsAreGlobal = capabilities.globallyUniqueEventIds ? it : it.skip;
  describe(`EventStore contract: ${name}`, () => {
    let target: ContractTarget;
    let store: EventStore;

    beforeAll(async () => {
      target = await open();
      store = target.store;
    });
    afterAll(async () => {
      await target?.dispose();
    });

    describe('append and read a stream', () => {
      it('appends to a new stream and reads back every field', async () => {
        const streamId = uniqueStream();
        const occurredAt = new Date('2025-03-14T09:30:00.000Z');
        const events = [anEvent('CarerInvited', { channel: 'word_of_mouth' }, occurredAt), anEvent('CarerAccepted')];
        const before = Date.now();
        const result = await store.append(streamId, events, 'no_stream');

        expect(result.streamId).toBe(streamId);
        expect(result.firstRevision).toBe(0n);
        expect(result.nextExpectedRevision).toBe(1n);

        const read = await readWholeStream(store, streamId);
        expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(read.map((e) => e.revision)).toEqual([0n, 1n]);
        expect(read[0]!.type).toBe('CarerInvited');
        expect(read[0]!.schemaVersion).toBe(1);
        expect(read[0]!.data).toEqual({ channel: 'word_of_mouth' });
        expect(read[0]!.metadata).toEqual(events[0]!.metadata);
        expect(read[0]!.occurredAt.toISOString()).toBe('2025-03-14T09:30:00.000Z');
        expect(read[0]!.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
        expect(read[0]!.streamId).toBe(streamId);
        expect(comparePositions(read[1]!.position, read[0]!.position)).toBe(1);
        expect(comparePositions(read[1]!.position, result.position)).toBe(0);
      });

      it('reads forwards and backwards from a revision with a limit', async () => {
        const streamId = uniqueStream();
        await store.append(streamId, someEvents(10), 'no_stream');
        const forwards = await store.readStream(streamId, { fromRevision: 3n, limit: 4 });
        expect(forwards.map((e) => e.revision)).toEqual([3n, 4n, 5n, 6n]);
        const backwardsFromEnd = await store.readStream(streamId, { direction: 'backwards', limit: 3 });
        expect(backwardsFromEnd.map((e) => e.revision)).toEqual([9n, 8n, 7n]);
        const backwardsFrom = await store.readStream(streamId, { direction: 'backwards', fromRevision: 2n });
        expect(backwardsFrom.map((e) => e.revision)).toEqual([2n, 1n, 0n]);
        expect(await store.readStream(streamId, { fromRevision: 10n })).toEqual([]);
      });

      it('reads a missing stream as empty', async () => {
        expect(await store.readStream(uniqueStream())).toEqual([]);
      });
    });

    describe('expected revision', () => {
      const cases: Array<{
        title: string;
        existing: number;
        expected: ExpectedRevision;
        ok: boolean;
        actual?: bigint | 'no_stream';
      }> = [
        { title: 'no_stream on a missing stream', existing: 0, expected: 'no_stream', ok: true },
        { title: 'no_stream on an existing stream', existing: 2, expected: 'no_stream', ok: false, actual: 1n },
        { title: 'exists on a missing stream', existing: 0, expected: 'exists', ok: false, actual: 'no_stream' },
        { title: 'exists on an existing stream', existing: 2, expected: 'exists', ok: true },
        { title: 'any on a missing stream', existing: 0, expected: 'any', ok: true },
        { title: 'any on an existing stream', existing: 3, expected: 'any', ok: true },
        { title: 'the exact last revision', existing: 3, expected: 2n, ok: true },
        { title: 'a revision behind the stream', existing: 3, expected: 1n, ok: false, actual: 2n },
        { title: 'a revision ahead of the stream', existing: 3, expected: 5n, ok: false, actual: 2n },
        { title: 'a revision on a missing stream', existing: 0, expected: 0n, ok: false, actual: 'no_stream' },
      ];

      it.each(cases)('$title', async ({ existing, expected, ok, actual }) => {
        const streamId = uniqueStream();
        if (existing > 0) await store.append(streamId, someEvents(existing), 'no_stream');
        const countBefore = await store.streamCount();
        const attempt = store.append(streamId, someEvents(2), expected);
        if (ok) {
          const result = await attempt;
          expect(result.firstRevision).toBe(BigInt(existing));
          expect(result.nextExpectedRevision).toBe(BigInt(existing + 1));
          expect(await readWholeStream(store, streamId)).toHaveLength(existing + 2);
        } else {
          const error = await expectRejection(attempt, WrongExpectedRevisionError);
          expect(error.code).toBe('WRONG_EXPECTED_REVISION');
          expect(error.actual).toBe(actual);
          expect(error.expected).toBe(expected);
          expect(await readWholeStream(store, streamId)).toHaveLength(existing);
          if (existing === 0) expect(await store.streamCount()).toBe(countBefore);
        }
      });

      it('lets exactly one of several concurrent appends at the same revision win', async () => {
        const streamId = uniqueStream();
        await store.append(streamId, someEvents(1), 'no_stream');
        const attempts = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.append(streamId, someEvents(2), 0n)),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a) => a.status === 'rejected') as PromiseRejectedResult[];
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(7);
        for (const failure of lost) expect(failure.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await readWholeStream(store, streamId)).toHaveLength(3);
      });

      it('lets exactly one of several concurrent creators of a stream win', async () => {
        const streamId = uniqueStream();
        const attempts = await Promise.allSettled(
          Array.from({ length: 6 }, () => store.append(streamId, someEvents(1), 'no_stream')),
        );
        expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
        expect(await readWholeStream(store, streamId)).toHaveLength(1);
      });
    });

    describe('atomicity and idempotency', () => {
      whereIdsAreGlobal('writes none of the events of a failed append', async () => {
        const other = uniqueStream();
        const taken = anEvent();
        await store.append(other, [taken], 'no_stream');
        const streamId = uniqueStream();
        const attempt = store.append(streamId, [anEvent(), anEvent(), { ...anEvent(), id: taken.id }], 'any');
        await expectRejection(attempt, EventIdConflictError);
        expect(await readWholeStream(store, streamId)).toEqual([]);
        expect(await readWholeStream(store, other)).toHaveLength(1);
      });

      it('returns the first result when the same events are appended again', async () => {
        const streamId = uniqueStream();
        const events = someEvents(3);
        const first = await store.append(streamId, events, 'no_stream');
        const retry = await store.append(streamId, events, 'no_stream');
        expect(retry).toEqual(first);
        const again = await store.append(streamId, events, 'any');
        expect(again).toEqual(first);
        expect(await readWholeStream(store, streamId)).toHaveLength(3);
      });

      it('recognises a retry even after the stream moved on', async () => {
        const streamId = uniqueStream();
        const events = someEvents(2);
        const first = await store.append(streamId, events, 'no_stream');
        await store.append(streamId, someEvents(2), 1n);
        expect(await store.append(streamId, events, 'no_stream')).toEqual(first);
        const next = await store.append(streamId, someEvents(1), 3n);
        expect(next.firstRevision).toBe(4n);
      });

      it('refuses a retry that reuses ids for different or reordered events', async () => {
        const streamId = uniqueStream();
        const events = someEvents(3);
        await store.append(streamId, events, 'no_stream');
        await expectRejection(
          store.append(streamId, [events[1]!, events[0]!, events[2]!], 'any'),
          EventIdConflictError,
        );
        await expectRejection(store.append(streamId, [events[0]!, anEvent()], 'any'), EventIdConflictError);
        expect(await readWholeStream(store, streamId)).toHaveLength(3);
      });

      whereIdsAreGlobal('refuses an id already used in another stream', async () => {
        const [event] = someEvents(1);
        await store.append(uniqueStream(), [event!], 'no_stream');
        await expectRejection(store.append(uniqueStream(), [event!], 'any'), EventIdConflictError);
      });
    });

    describe('bad input', () => {
      const future = new Date(Date.now() + 3_600_000);
      const cases: Array<[string, () => Parameters<EventStore['append']>]> = [
        ['no events', () => [uniqueStream(), [], 'any']],
        ['an id that is not a UUID', () => [uniqueStream(), [{ ...anEvent(), id: 'nope' }], 'any']],
        [
          'the same id twice',
          () => {
            const event = anEvent();
            return [uniqueStream(), [event, event], 'any'];
          },
        ],
        ['an occurredAt in the future', () => [uniqueStream(), [anEvent('TestEvent', {}, future)], 'any']],
        ['an invalid occurredAt', () => [uniqueStream(), [anEvent('TestEvent', {}, new Date('nope'))], 'any']],
        ['an empty type', () => [uniqueStream(), [{ ...anEvent(), type: '' }], 'any']],
        ['a schema version of 0', () => [uniqueStream(), [{ ...anEvent(), schemaVersion: 0 }], 'any']],
        ['an empty stream id', () => ['', [anEvent()], 'any']],
        ['a reserved stream id', () => ['$all', [anEvent()], 'any']],
      ];
      it.each(cases)('refuses %s and writes nothing', async (_title, args) => {
        const [streamId, events, expected] = args();
        await expectRejection(store.append(streamId, events, expected), InvalidEventError);
        if (streamId) expect(await readWholeStream(store, streamId)).toEqual([]);
      });
    });

    describe('global log', () => {
      it('pages through the log in a stable order with filters', async () => {
        const prefix = uniqueStream('log');
        const a = `${prefix}-a`;
        const b = `${prefix}-b`;
        await store.append(a, someEvents(5, 'Alpha'), 'no_stream');
        await store.append(b, someEvents(5, 'Beta'), 'no_stream');
        await store.append(a, someEvents(5, 'Beta'), 4n);

        const all = await settledLog(store, prefix, 15);
        expect(all).toHaveLength(15);
        for (let i = 1; i < all.length; i++) expect(comparePositions(all[i]!.position, all[i - 1]!.position)).toBe(1);
        expect(all.slice(0, 5).every((e) => e.streamId === a && e.type === 'Alpha')).toBe(true);

        const onlyA = await store.readAll({ after: START, limit: 1000, filter: { streamPrefixes: [a] } });
        expect(onlyA.events).toHaveLength(10);
        const betaOfPrefix = (
          await store.readAll({
            after: START,
            limit: 10_000,
            filter: { eventTypes: ['Beta'], streamPrefixes: [prefix] },
          })
        ).events;
        expect(betaOfPrefix).toHaveLength(10);

        const resumed = await store.readAll({
          after: all[9]!.position,
          limit: 3,
          filter: { streamPrefixes: [prefix] },
        });
        expect(resumed.events.map((e) => e.id)).toEqual(all.slice(10, 13).map((e) => e.id));
        expect(resumed.caughtUp).toBe(false);
      });

      it('treats LIKE wildcards in a stream prefix literally', async () => {
        const base = uniqueStream('wild');
        await store.append(`${base}_x`, someEvents(1), 'no_stream');
        await store.append(`${base}yx`, someEvents(1), 'no_stream');
        expect(await settledLog(store, base, 2)).toHaveLength(2);
        const page = await store.readAll({ after: START, limit: 10_000, filter: { streamPrefixes: [`${base}_`] } });
        expect(page.events.map((e) => e.streamId)).toEqual([`${base}_x`]);
      });

      it('reports the last position and the number of streams', async () => {
        const streamsBefore = await store.streamCount();
        const result = await store.append(uniqueStream(), someEvents(2), 'no_stream');
        expect(await store.streamCount()).toBe(streamsBefore + 1);
        const last = await store.lastPosition();
        expect(last).not.toBeNull();
        expect(formatPosition(last!)).toBe(formatPosition(result.position));
      });

      it('never skips nor repeats an event under concurrent writers while a follower reads', async () => {
        const prefix = uniqueStream('race');
        const writers = 16;
        const appendsPerWriter = 12;
        const expectedIds = new Set<string>();
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] }, batchSize: 50 });
        const iterator = subscription[Symbol.asyncIterator]();
        const total = writers * appendsPerWriter * 3;
        const following = collect(iterator, (events) => events.length >= total, 60_000);

        await Promise.all(
          Array.from({ length: writers }, async (_, writer) => {
            const streamId = `${prefix}-${writer}`;
            let expected: ExpectedRevision = 'no_stream';
            for (let i = 0; i < appendsPerWriter; i++) {
              const batch = someEvents(3);
              batch.forEach((event) => expectedIds.add(event.id));
              const result = await store.append(streamId, batch, expected);
              expected = result.nextExpectedRevision;
            }
          }),
        );

        const followed = await following;
        await subscription.close();
        const seen = new Map<string, number>();
        for (const event of followed) seen.set(event.id, (seen.get(event.id) ?? 0) + 1);
        const missing = [...expectedIds].filter((id) => !seen.has(id));
        const duplicated = [...seen.entries()].filter(([, count]) => count > 1);
        expect({ missing: missing.length, duplicated: duplicated.length, seen: followed.length }).toEqual({
          missing: 0,
          duplicated: 0,
          seen: total,
        });
        for (let i = 1; i < followed.length; i++) {
          expect(comparePositions(followed[i]!.position, followed[i - 1]!.position)).toBe(1);
        }
        // Every stream's own order is kept inside the global order.
        const lastRevision = new Map<string, bigint>();
        for (const event of followed) {
          const previous = lastRevision.get(event.streamId) ?? -1n;
          expect(event.revision).toBe(previous + 1n);
          lastRevision.set(event.streamId, event.revision);
        }
        // A second full read gives the same order.
        const reread = await readAllWithPrefix(store, prefix);
        expect(reread.map((e) => e.id)).toEqual(followed.map((e) => e.id));
      });
    });

    describe('subscriptions', () => {
      it('catches up from a checkpoint, goes live and resumes where it stopped', async () => {
        const prefix = uniqueStream('sub');
        const first = await store.append(`${prefix}-1`, someEvents(4), 'no_stream');
        const checkpointEvent = (await store.readStream(`${prefix}-1`))[1]!;

        const subscription = store.subscribeToAll({
          after: checkpointEvent.position,
          filter: { streamPrefixes: [prefix] },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        const caughtUp = await collect(iterator, (events) => events.length >= 2);
        expect(caughtUp.map((e) => e.revision)).toEqual([2n, 3n]);
        expect(comparePositions(caughtUp[1]!.position, first.position)).toBe(0);

        const live = collect(iterator, (events) => events.length >= 3);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const written = await store.append(`${prefix}-2`, someEvents(3, 'LiveEvent'), 'no_stream');
        const arrived = await live;
        expect(arrived.map((e) => e.type)).toEqual(['LiveEvent', 'LiveEvent', 'LiveEvent']);
        await subscription.close();
        expect((await iterator.next()).done).toBe(true);

        const resumed = store.subscribeToAll({ after: written.position, filter: { streamPrefixes: [prefix] } });
        const resumedIterator = resumed[Symbol.asyncIterator]();
        await store.append(`${prefix}-3`, someEvents(1, 'AfterResume'), 'no_stream');
        const afterResume = await collect(resumedIterator, (events) => events.length >= 1);
        expect(afterResume.map((e) => e.type)).toEqual(['AfterResume']);
        await resumed.close();
      });

      it('delivers only the event types asked for', async () => {
        const prefix = uniqueStream('types');
        const subscription = store.subscribeToAll({ filter: { eventTypes: [`Wanted-${prefix}`] } });
        const iterator = subscription[Symbol.asyncIterator]();
        await store.append(
          `${prefix}-1`,
          [anEvent('Unwanted'), anEvent(`Wanted-${prefix}`), anEvent('Unwanted')],
          'no_stream',
        );
        const events = await collect(iterator, (received) => received.length >= 1);
        expect(events.map((e) => e.type)).toEqual([`Wanted-${prefix}`]);
        await subscription.close();
      });
    });
  });
}
