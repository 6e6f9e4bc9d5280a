import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import {
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendResult as ClientAppendResult,
  type AppendStreamState,
  type EventData,
  type Filter,
  type KurrentDBClient,
  type Position,
  type ReadPosition,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import { EventIdConflictError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors.js';
import type { NewEvent } from '../events.js';
import type { SubscriptionBatch } from '../port.js';
import { comparePositions, type GlobalPosition } from '../position.js';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store.js';
import type { ClientRecord, ClientResolvedEvent } from './mapping.js';

type Stored = ClientRecord & { readonly position: Position };

/** A client subscription to $all that the test feeds: it reports caught up at once, and delivers what it is given. */
class FakeLiveSubscription extends Readable {
  constructor() {
    super({ objectMode: true });
    setImmediate(() => this.emit('caughtUp', {}));
  }

  override _read(): void {}

  deliver(record: Stored): void {
    this.push({ event: record, commitPosition: record.position.commit });
  }

  async unsubscribe(): Promise<void> {
    this.push(null);
  }
}

/**
 * An in-memory stand-in for the server, as the adapter sees it through the client: inclusive
 * reads, server-side regex filters that count only matches, native retry recognition for a
 * repeated expected revision (success without a position), links in `$streams`. With `any` /
 * `stream_exists` it recognises retries as KurrentDB does, from a bounded cache of recent event
 * ids lost on restart: when the first id is cached every id must be, and the answer takes the
 * revision of the last id given, whatever their order.
 */
class FakeKurrentDb {
  readonly log: Stored[] = [];
  readonly subscriptions: FakeLiveSubscription[] = [];
  private readonly recentIds = new Map<string, Stored>();
  private next = 100n;

  restart(): void {
    this.recentIds.clear();
  }

  subscribeToAll(): FakeLiveSubscription {
    const subscription = new FakeLiveSubscription();
    this.subscriptions.push(subscription);
    return subscription;
  }

  private fromIdCache(streamName: string, events: EventData[], current: bigint): ClientAppendResult | null {
    const cached = events
      .map((event) => this.recentIds.get(event.id))
      .map((r) => (r?.streamId === streamName ? r : null));
    if (!cached[0]) return null;
    if (cached.some((record) => !record)) {
      throw new WrongExpectedVersionError(undefined, { streamName, expected: 'any', current });
    }
    return { success: true, nextExpectedRevision: cached[cached.length - 1]!.revision, position: undefined };
  }

  record(streamId: string, type: string, data: unknown = {}, metadata: unknown = undefined): Stored {
    const revision = BigInt(this.log.filter((record) => record.streamId === streamId).length);
    const position = { commit: this.next, prepare: this.next };
    this.next += 100n;
    const stored: Stored = {
      streamId,
      id: `00000000-0000-4000-8000-${position.commit.toString().padStart(12, '0')}`,
      type,
      revision,
      created: new Date('2024-05-01T00:00:00.000Z'),
      data,
      metadata,
      position,
    };
    this.log.push(stored);
    return stored;
  }

  async appendToStream(
    streamName: string,
    events: EventData[],
    { streamState }: { streamState: AppendStreamState },
  ): Promise<ClientAppendResult> {
    const stream = this.log.filter((record) => record.streamId === streamName);
    const current = BigInt(stream.length) - 1n;
    const expected = streamState === 'no_stream' ? -1n : streamState;
    if (typeof expected === 'bigint') {
      const later = stream.slice(Number(expected) + 1, Number(expected) + 1 + events.length);
      if (later.length === events.length && later.every((record, index) => record.id === events[index]!.id)) {
        return { success: true, nextExpectedRevision: later[later.length - 1]!.revision, position: undefined };
      }
    }
    if (streamState === 'any' || streamState === 'stream_exists') {
      const recognised = this.fromIdCache(streamName, events, current);
      if (recognised) return recognised;
    }
    const ok = streamState === 'any' || (streamState === 'stream_exists' ? current >= 0n : current === expected);
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: streamState,
        current: current < 0n ? 'no_stream' : current,
      });
    }
    let last!: Stored;
    for (const event of events) {
      last = this.record(
        streamName,
        event.type,
        JSON.parse(JSON.stringify(event.data)),
        JSON.parse(JSON.stringify(event.metadata)),
      );
      (last as { id: string }).id = event.id;
      this.recentIds.set(event.id, last);
    }
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  async *readStream(
    streamName: string,
    options: {
      direction?: string;
      fromRevision?: ReadRevision;
      maxCount?: number | bigint;
      resolveLinkTos?: boolean;
    } = {},
  ): AsyncGenerator<ClientResolvedEvent & { link?: ClientRecord }> {
    const stream = this.log.filter((record) => record.streamId === streamName);
    if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    let records = backwards ? [...stream].reverse() : stream;
    if (typeof from === 'bigint')
      records = records.filter((r) => (backwards ? r.revision <= from : r.revision >= from));
    for (const record of records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) {
      if (options.resolveLinkTos && record.type === '$>') {
        const [revision, name] = [String(record.data).split('@')[0], String(record.data).split('@').slice(1).join('@')];
        const target = this.log.find((r) => r.streamId === name && r.revision === BigInt(revision!));
        yield { event: target, link: record };
      } else {
        yield { event: record, commitPosition: record.position.commit };
      }
    }
  }

  async *readAll(options: {
    direction?: string;
    fromPosition?: ReadPosition;
    maxCount?: number | bigint;
    filter?: Filter;
  }): AsyncGenerator<ClientResolvedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? 'start';
    let records = backwards ? [...this.log].reverse() : this.log;
    if (typeof from === 'object') {
      records = records.filter((r) =>
        backwards ? comparePositions(r.position, from) <= 0 : comparePositions(r.position, from) >= 0,
      );
    }
    const filter = options.filter as (Filter & { regex: string }) | undefined;
    if (filter) {
      const regex = new RegExp(filter.regex);
      records = records.filter((r) => regex.test(filter.filterOn === 'eventType' ? r.type : r.streamId));
    }
    for (const record of records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) {
      yield { event: record, commitPosition: record.position.commit };
    }
  }

  async dispose(): Promise<void> {}
}

function open(options: KurrentDbEventStoreOptions = {}) {
  const server = new FakeKurrentDb();
  return { server, store: new KurrentDbEventStore(server as unknown as KurrentDBClient, options) };
}

/** Fails the test in reasonable time where the defect would leave it waiting forever. */
async function within<T>(promise: Promise<T>, ms = 2_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function batchOf(iterator: AsyncIterator<SubscriptionBatch>): Promise<SubscriptionBatch> {
  const result = await within(iterator.next());
  if (result.done) throw new Error('subscription ended');
  return result.value;
}

let counter = 0;
function newEvent(type = 'thing.happened'): NewEvent {
  counter += 1;
  return {
    id: `10000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    data: { n: counter },
    metadata: { actor: { id: 'user-1', role: 'member' }, correlationId: 'corr' },
    occurredAt: new Date('2024-04-01T00:00:00.000Z'),
  };
}

describe('KurrentDbEventStore (against a fake client)', () => {
  it('appends and reads a stream back', async () => {
    const { store } = open();
    const events = [newEvent(), newEvent()];
    const result = await store.append('thing-1', events, 'no_stream');
    expect(result).toEqual({
      streamId: 'thing-1',
      firstRevision: 0n,
      nextExpectedRevision: 1n,
      position: { commit: 200n, prepare: 200n },
    });
    const read = await store.readStream('thing-1');
    expect(
      read.map(({ id, type, data, metadata, occurredAt, schemaVersion }) => ({
        id,
        type,
        data,
        metadata,
        occurredAt,
        schemaVersion,
      })),
    ).toEqual(events);
    expect(read.map((event) => [event.revision, event.position.commit])).toEqual([
      [0n, 100n],
      [1n, 200n],
    ]);
  });

  it('refuses a wrong expected revision with the actual one', async () => {
    const { store } = open();
    await store.append('thing-1', [newEvent(), newEvent()], 'no_stream');
    await expect(store.append('thing-1', [newEvent()], 5n)).rejects.toEqual(
      new WrongExpectedRevisionError('thing-1', 5n, 1n),
    );
    await expect(store.append('thing-2', [newEvent()], 'exists')).rejects.toEqual(
      new WrongExpectedRevisionError('thing-2', 'exists', 'no_stream'),
    );
  });

  it('returns the original result for a retry the server recognises (success without position)', async () => {
    const { store } = open();
    const events = [newEvent(), newEvent()];
    const first = await store.append('thing-1', events, 'no_stream');
    expect(await store.append('thing-1', events, 'no_stream')).toEqual(first);
  });

  it('returns the original result for a retry with another expected revision', async () => {
    const { store } = open();
    await store.append('thing-1', [newEvent()], 'no_stream');
    const events = [newEvent(), newEvent()];
    const original = await store.append('thing-1', events, 0n);
    await store.append('thing-1', [newEvent()], 2n);
    // A stale expected revision: the server refuses it, the adapter finds the earlier write.
    expect(await store.append('thing-1', events, 1n)).toEqual(original);
    expect(original).toEqual({
      streamId: 'thing-1',
      firstRevision: 1n,
      nextExpectedRevision: 2n,
      position: { commit: 300n, prepare: 300n },
    });
  });

  it('refuses ids already used by other events', async () => {
    const { store } = open();
    const [a, b] = [newEvent(), newEvent()];
    await store.append('thing-1', [a, b], 'no_stream');
    await expect(store.append('thing-1', [a, newEvent()], 'no_stream')).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(store.append('thing-1', [b, a], 'no_stream')).rejects.toBeInstanceOf(EventIdConflictError);
  });

  it('reads streams in both directions from an inclusive revision, and a missing stream as empty', async () => {
    const { server, store } = open();
    await store.append('thing-1', [newEvent(), newEvent(), newEvent(), newEvent()], 'no_stream');
    const revisions = async (options: Parameters<typeof store.readStream>[1]) =>
      (await store.readStream('thing-1', options)).map((event) => event.revision);
    expect(await revisions({ direction: 'backwards' })).toEqual([3n, 2n, 1n, 0n]);
    expect(await revisions({ fromRevision: 2n })).toEqual([2n, 3n]);
    expect(await revisions({ direction: 'backwards', fromRevision: 2n, limit: 2 })).toEqual([2n, 1n]);
    expect(await revisions({ direction: 'backwards', fromRevision: -1n })).toEqual([]);
    expect(await store.readStream('nothing-here')).toEqual([]);
    server.record('$$thing-1', '$metadata');
    expect(await store.readStream('$$thing-1')).toEqual([]);
  });

  it('pages $all exclusively after a position, skipping system records', async () => {
    const { server, store } = open();
    server.record('thing-1', 'a'); // 100
    server.record('$stats-node', '$statsCollected'); // 200
    server.record('thing-2', 'b'); // 300
    server.record('$$thing-1', 'c'); // 400: a system stream with an ordinary type
    server.record('thing-3', 'c'); // 500
    const first = await store.readAll({ limit: 2 });
    expect(first.events.map((event) => event.position.commit)).toEqual([100n, 300n]);
    expect([first.resumeAfter.commit, first.caughtUp]).toEqual([300n, false]);
    const second = await store.readAll({ after: first.resumeAfter, limit: 2 });
    expect(second.events.map((event) => event.position.commit)).toEqual([500n]);
    expect([second.resumeAfter.commit, second.caughtUp]).toEqual([500n, true]);
    const third = await store.readAll({ after: second.resumeAfter, limit: 2 });
    expect(third).toEqual({ events: [], resumeAfter: { commit: 500n, prepare: 500n }, caughtUp: true });
    expect(await store.readAll({ limit: 1 })).toMatchObject({ caughtUp: false });
  });

  it('keeps reading when the filter the server cannot apply empties a page', async () => {
    const { server, store } = open();
    for (let i = 0; i < 7; i += 1) server.record(`other-${i}`, 'wanted');
    server.record('thing-1', 'wanted'); // 800
    server.record('thing-2', 'unwanted'); // 900
    server.record('thing-3', 'wanted'); // 1000
    const page = await store.readAll({ limit: 2, filter: { eventTypes: ['wanted'], streamPrefixes: ['thing-'] } });
    expect(page.events.map((event) => event.streamId)).toEqual(['thing-1', 'thing-3']);
    expect(page.caughtUp).toBe(false);
    const rest = await store.readAll({ after: page.resumeAfter, limit: 2, filter: { streamPrefixes: ['thing-'] } });
    expect(rest).toEqual({ events: [], resumeAfter: { commit: 1000n, prepare: 1000n }, caughtUp: true });
  });

  it('finds the last non-system position past many system records', async () => {
    const { server, store } = open();
    expect(await store.lastPosition()).toBeNull();
    server.record('thing-1', 'a'); // 100
    for (let i = 0; i < 70; i += 1) server.record('$$thing-1', 'meta');
    expect(await store.lastPosition()).toEqual({ commit: 100n, prepare: 100n });
  });

  it('counts non-system streams by scanning $all when $streams is absent', async () => {
    const { server, store } = open();
    server.record('thing-1', 'a');
    server.record('thing-1', 'b');
    server.record('thing-2', 'a');
    server.record('$$thing-1', 'meta');
    expect(await store.streamCount()).toBe(2);
  });

  it('counts from $streams plus the streams created after its last link', async () => {
    const { server, store } = open();
    server.record('thing-1', 'a');
    server.record('$settings', 'settings');
    server.record('thing-2', 'a');
    server.record('$streams', '$>', '0@thing-1');
    server.record('$streams', '$>', '0@$settings');
    server.record('$streams', '$>', '0@thing-2');
    server.record('thing-1', 'b');
    server.record('thing@3', 'a'); // not linked yet
    expect(await store.streamCount()).toBe(3);
  });

  it('reports an unreachable server as EventStoreUnavailableError', async () => {
    const failing = {
      // eslint-disable-next-line require-yield
      async *readAll(): AsyncGenerator<ClientResolvedEvent> {
        throw new UnavailableError();
      },
    };
    const store = new KurrentDbEventStore(failing as unknown as KurrentDBClient);
    await expect(store.readAll({ limit: 1 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.lastPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });
});

describe('KurrentDbEventStore retries with any / exists (against a fake client)', () => {
  const reordered = <T>([a, b, ...rest]: T[]): T[] => [b!, a!, ...rest];

  it("confirms the server's id-cache answer against the stream: reordered ids are a conflict, not a retry", async () => {
    // A window of 2 makes the pre-append search miss the originals: only the server's cache answers.
    const { server, store } = open({ retryWindow: 2 });
    const events = [newEvent(), newEvent(), newEvent()];
    const first = await store.append('thing-1', events, 'no_stream');
    await store.append('thing-1', [newEvent(), newEvent()], 2n);
    await expect(store.append('thing-1', reordered(events), 'any')).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(store.append('thing-1', reordered(events), 'exists')).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(store.append('thing-1', [events[0]!, newEvent()], 'any')).rejects.toBeInstanceOf(EventIdConflictError);
    expect(await store.append('thing-1', events, 'any')).toEqual(first);
    // A contiguous run of the ids is a retry of those events, as on the SQL stores.
    expect(await store.append('thing-1', events.slice(1), 'exists')).toEqual({ ...first, firstRevision: 1n });
    expect(server.log).toHaveLength(5);
  });

  it('recognises a retry the server has forgotten (restart, or out of its cache) in the stream', async () => {
    const { server, store } = open();
    const events = [newEvent(), newEvent()];
    const first = await store.append('thing-1', events, 'any');
    await store.append('thing-1', [newEvent()], 'any');
    server.restart();
    expect(await store.append('thing-1', events, 'any')).toEqual(first);
    expect(await store.append('thing-1', events, 'exists')).toEqual(first);
    await expect(store.append('thing-1', reordered(events), 'any')).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(store.append('thing-1', [events[1]!, newEvent()], 'any')).rejects.toBeInstanceOf(EventIdConflictError);
    expect(server.log).toHaveLength(3);
  });

  it('reads the whole stream when the earlier append straddles the edge of the searched tail', async () => {
    const { server, store } = open({ retryWindow: 2 });
    const events = [newEvent(), newEvent(), newEvent()];
    const first = await store.append('thing-1', events, 'any');
    server.restart();
    expect(await store.append('thing-1', events, 'any')).toEqual(first);
    expect(server.log).toHaveLength(3);
  });

  it('writes a forgotten retry again once it lies deeper than the searched tail (the documented limit)', async () => {
    const { server, store } = open({ retryWindow: 2 });
    const events = [newEvent()];
    await store.append('thing-1', events, 'any');
    await store.append('thing-1', [newEvent(), newEvent()], 'any');
    server.restart();
    expect((await store.append('thing-1', events, 'any')).firstRevision).toBe(3n);
    expect(server.log).toHaveLength(4);
  });

  it('still appends fresh events with any and exists, and refuses exists on a missing stream', async () => {
    const { server, store } = open();
    expect(await store.append('thing-1', [newEvent(), newEvent()], 'any')).toEqual({
      streamId: 'thing-1',
      firstRevision: 0n,
      nextExpectedRevision: 1n,
      position: { commit: 200n, prepare: 200n },
    });
    expect((await store.append('thing-1', [newEvent()], 'exists')).firstRevision).toBe(2n);
    await expect(store.append('thing-2', [newEvent()], 'exists')).rejects.toEqual(
      new WrongExpectedRevisionError('thing-2', 'exists', 'no_stream'),
    );
    expect(server.log).toHaveLength(3);
  });
});

describe('KurrentDbEventStore subscriptions reaching the head (against a fake client)', () => {
  async function caughtUpSubscription(store: KurrentDbEventStore) {
    const subscription = store.subscribeToAll({ filter: { eventTypes: ['wanted'] } });
    const batches = subscription[Symbol.asyncIterator]();
    expect(await batchOf(batches)).toEqual({ events: [], checkpoint: { commit: 0n, prepare: 0n }, caughtUp: true });
    return { subscription, batches };
  }

  it('moves a caught-up filtered subscription to a position it has no events for', async () => {
    const { store } = open({ headProbeIntervalMs: 5 });
    const { subscription, batches } = await caughtUpSubscription(store);
    const written = await store.append('other-1', [newEvent('unwanted')], 'no_stream');
    expect(await batchOf(batches)).toEqual({ events: [], checkpoint: written.position, caughtUp: true });
    await subscription.close();
  });

  it('does not move past an event for it that has not been delivered yet', async () => {
    const { server, store } = open({ headProbeIntervalMs: 5 });
    const { subscription, batches } = await caughtUpSubscription(store);
    const wanted = await store.append('thing-1', [newEvent('wanted')], 'no_stream');
    const unwanted = await store.append('other-1', [newEvent('unwanted')], 'no_stream');
    const waiting = batches.next();
    const early = await Promise.race([
      waiting.then(() => 'a batch'),
      new Promise((resolve) => setTimeout(() => resolve('nothing yet'), 60)),
    ]);
    expect(early).toBe('nothing yet');
    server.subscriptions[0]!.deliver(server.log.find((record) => record.type === 'wanted')!);
    const delivered = (await within(waiting)).value as SubscriptionBatch;
    expect([delivered.events.map((event) => event.type), delivered.checkpoint]).toEqual([['wanted'], wanted.position]);
    const head: GlobalPosition = (await batchOf(batches)).checkpoint;
    expect(head).toEqual(unwanted.position);
    await subscription.close();
  });
});
