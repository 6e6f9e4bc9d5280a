import { describe, expect, it } from '@jest/globals';
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
import { comparePositions } from '../position.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import type { ClientRecord, ClientResolvedEvent } from './mapping.js';

type Stored = ClientRecord & { readonly position: Position };

/**
 * An in-memory stand-in for the server, as the adapter sees it through the client: inclusive
 * reads, server-side regex filters that count only matches, native retry recognition for a
 * repeated expected revision (success without a position), links in `$streams`.
 */
class FakeKurrentDb {
  readonly log: Stored[] = [];
  private next = 100n;

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

function open() {
  const server = new FakeKurrentDb();
  return { server, store: new KurrentDbEventStore(server as unknown as KurrentDBClient) };
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
