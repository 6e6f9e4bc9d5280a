import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  AppendRecordSizeExceededError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NotFoundError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, InvalidEventError, WrongExpectedRevisionError } from '../errors.js';
import type { NewEvent, RecordedEvent } from '../events.js';
import {
  escapeRegex,
  fromClientPosition,
  isAfter,
  isFiltered,
  isVisible,
  toActualRevision,
  toClientEvent,
  toClientFilter,
  toReadPosition,
  toRecordedEvent,
  toStoreError,
  toStreamState,
  type ClientRecord,
} from './mapping.js';

const newEvent: NewEvent = {
  id: '0b7f3c1e-8a52-4c1d-9d7e-2f4a6b8c0d1e',
  type: 'order.placed',
  schemaVersion: 2,
  data: { orderId: 'o-1', lines: [{ sku: 'a', qty: 2 }], note: null },
  metadata: {
    actor: { id: 'user-7', role: 'coordinator', organisationId: 'org-3' },
    correlationId: 'corr-1',
    causationId: 'cause-1',
    projectId: 'project-9',
  },
  occurredAt: new Date('2024-03-01T10:15:30.123Z'),
};

/** What the client hands back after the server stored `toClientEvent(newEvent)`. */
function storedRecord(overrides: Partial<ClientRecord> = {}): ClientRecord {
  const written = toClientEvent(newEvent);
  return {
    streamId: 'order-o-1',
    id: written.id,
    type: written.type,
    revision: 3n,
    created: new Date('2024-03-01T10:16:00.000Z'),
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(JSON.stringify(written.metadata)),
    position: { commit: 1200n, prepare: 1100n },
    ...overrides,
  };
}

function recorded(overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    ...newEvent,
    streamId: 'order-o-1',
    revision: 0n,
    position: { commit: 10n, prepare: 10n },
    recordedAt: new Date('2024-03-01T10:16:00.000Z'),
    ...overrides,
  };
}

describe('expected revision', () => {
  it('maps every expected revision to the client stream state', () => {
    expect(toStreamState('no_stream')).toBe('no_stream');
    expect(toStreamState('exists')).toBe('stream_exists');
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState(0n)).toBe(0n);
    expect(toStreamState(41n)).toBe(41n);
  });

  it('maps the actual revision the client reports', () => {
    expect(toActualRevision('no_stream')).toBe('no_stream');
    expect(toActualRevision(-1n)).toBe('no_stream');
    expect(toActualRevision(0n)).toBe(0n);
    expect(toActualRevision(7n)).toBe(7n);
  });
});

describe('errors', () => {
  it('turns a wrong expected version into WrongExpectedRevisionError with our expectation', () => {
    const clientError = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 2n, current: 4n });
    const error = toStoreError(clientError, { streamId: 'order-o-1', expected: 2n });
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    const wrong = error as WrongExpectedRevisionError;
    expect(wrong.code).toBe('WRONG_EXPECTED_REVISION');
    expect(wrong.streamId).toBe('order-o-1');
    expect(wrong.expected).toBe(2n);
    expect(wrong.actual).toBe(4n);
  });

  it('reports a missing stream as no_stream, whichever way the client spells it', () => {
    for (const current of ['no_stream', -1n] as const) {
      const clientError = new WrongExpectedVersionError(undefined, {
        streamName: 's',
        expected: 'stream_exists',
        current,
      });
      const error = toStoreError(clientError, { streamId: 's', expected: 'exists' }) as WrongExpectedRevisionError;
      expect(error.actual).toBe('no_stream');
      expect(error.expected).toBe('exists');
    }
  });

  it('takes stream and expectation from the client error when no append context is given', () => {
    const clientError = new WrongExpectedVersionError(undefined, {
      streamName: 'order-9',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    const error = toStoreError(clientError) as WrongExpectedRevisionError;
    expect([error.streamId, error.expected, error.actual]).toEqual(['order-9', 'exists', 'no_stream']);
  });

  it('turns connection failures into EventStoreUnavailableError, keeping the cause', () => {
    const failures: Error[] = [
      new UnavailableError(),
      new DeadlineExceededError(),
      // What appendToStream rejects with when nothing listens: a raw gRPC status 14.
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
        code: 14,
        details: 'No connection established',
      }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2113'), { code: 'ECONNREFUSED' }),
      new Error('Failed to discover after 10 attempts.'),
    ];
    for (const failure of failures) {
      const error = toStoreError(failure);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as EventStoreUnavailableError).code).toBe('EVENT_STORE_UNAVAILABLE');
      expect((error as EventStoreUnavailableError).cause).toBe(failure);
    }
  });

  it('counts the other connection and cluster failures as unavailable', () => {
    const failures: Error[] = [
      new NotLeaderError({ metadata: { 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' } } as never),
      new TimeoutError(),
      new CancelledError(),
      // The native reader (readStream, readAll) names only some failures; these come unnamed.
      new UnknownError(undefined, 'Connection is closed.'),
      new UnknownError(undefined, 'Unmapped gRPC error: code: The service is currently unavailable, message: eof.'),
      new UnknownError(undefined, 'Deadline exceeded'),
    ];
    for (const failure of failures) expect(toStoreError(failure)).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('surfaces errors the client could not name as themselves, not as an outage', () => {
    const unnamed = new UnknownError(undefined, 'Server-side error: index out of range');
    const exhausted = new UnknownError(
      undefined,
      'Unmapped gRPC error: code: Some resource has been exhausted, message: too many requests.',
    );
    const invalid = new InvalidArgumentError('maxCount must be positive');
    const notFound = new NotFoundError();
    const plain = new Error('socket hang up in a place nobody expected');
    for (const error of [unnamed, exhausted, invalid, notFound, plain]) expect(toStoreError(error)).toBe(error);
    // A raw gRPC status the client has no class for comes back as its UnknownError, not as unavailable.
    const raw = Object.assign(new Error('8 RESOURCE_EXHAUSTED: too many'), { code: 8, details: 'too many' });
    const converted = toStoreError(raw);
    expect(converted).toBeInstanceOf(UnknownError);
    expect((converted as Error).message).toBe('8 RESOURCE_EXHAUSTED: too many');
    // The client's converter reads `details` unguarded; without them the error must still be the real one.
    const bare = Object.assign(new Error('9 FAILED_PRECONDITION'), { code: 9 });
    expect(toStoreError(bare)).toBe(bare);
  });

  it("refuses an append over the server's size limits as an invalid event", () => {
    const tooBig = toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576));
    expect(tooBig).toBeInstanceOf(InvalidEventError);
    expect((tooBig as Error).message).toContain('1048576');
    const recordTooBig = toStoreError(
      new AppendRecordSizeExceededError(undefined as never, { stream: 's', recordId: 'r-1', size: 20, maxSize: 10 }),
    );
    expect(recordTooBig).toBeInstanceOf(InvalidEventError);
  });

  it('passes errors the port has no word for through unchanged', () => {
    const denied = new AccessDeniedError();
    const deleted = StreamDeletedError.fromStreamName('gone');
    const bug = new TypeError('x is not a function');
    expect(toStoreError(denied)).toBe(denied);
    expect(toStoreError(deleted)).toBe(deleted);
    expect(toStoreError(bug)).toBe(bug);
    expect(toStoreError('not an error')).toBe('not an error');
  });
});

describe('events', () => {
  it('writes a JSON event with our id and type, metadata carrying schema version and occurredAt', () => {
    expect(toClientEvent(newEvent)).toEqual({
      id: '0b7f3c1e-8a52-4c1d-9d7e-2f4a6b8c0d1e',
      contentType: 'application/json',
      type: 'order.placed',
      data: { orderId: 'o-1', lines: [{ sku: 'a', qty: 2 }], note: null },
      metadata: {
        schemaVersion: 2,
        occurredAt: '2024-03-01T10:15:30.123Z',
        actor: { id: 'user-7', role: 'coordinator', organisationId: 'org-3' },
        correlationId: 'corr-1',
        causationId: 'cause-1',
        projectId: 'project-9',
      },
    });
  });

  it('reads back exactly what was written, with the stored revision, position and time', () => {
    expect(toRecordedEvent({ event: storedRecord() })).toEqual({
      ...newEvent,
      streamId: 'order-o-1',
      revision: 3n,
      position: { commit: 1200n, prepare: 1100n },
      recordedAt: new Date('2024-03-01T10:16:00.000Z'),
    });
  });

  it('parses metadata the client left as bytes', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(toClientEvent(newEvent).metadata));
    const event = toRecordedEvent({ event: storedRecord({ metadata: bytes }) })!;
    expect(event.schemaVersion).toBe(2);
    expect(event.occurredAt).toEqual(new Date('2024-03-01T10:15:30.123Z'));
    expect(event.metadata).toEqual(newEvent.metadata);
  });

  it('keeps events without our metadata, with stand-ins', () => {
    const event = toRecordedEvent({ event: storedRecord({ metadata: undefined }) })!;
    expect(event.schemaVersion).toBe(1);
    expect(event.occurredAt).toEqual(new Date('2024-03-01T10:16:00.000Z'));
    expect(event.metadata).toEqual({ actor: { id: 'unknown', role: 'unknown' }, correlationId: newEvent.id });
    expect(event.data).toEqual(newEvent.data);
  });

  it('keeps foreign metadata keys and repairs only what is missing', () => {
    const event = toRecordedEvent({
      event: storedRecord({
        metadata: { schemaVersion: 0, occurredAt: 'yesterday', correlationId: 'c-9', $causedBy: 'x' },
      }),
    })!;
    expect(event.schemaVersion).toBe(1);
    expect(event.occurredAt).toEqual(new Date('2024-03-01T10:16:00.000Z'));
    expect(event.metadata).toEqual({ $causedBy: 'x', actor: { id: 'unknown', role: 'unknown' }, correlationId: 'c-9' });
  });

  it('wraps data that is not a JSON object instead of dropping the event', () => {
    const binary = new Uint8Array([0xff, 0x00, 0x01]);
    expect(toRecordedEvent({ event: storedRecord({ data: binary }) })!.data).toEqual({ binary: '/wAB' });
    expect(toRecordedEvent({ event: storedRecord({ data: 'not json' }) })!.data).toEqual({ value: 'not json' });
    expect(toRecordedEvent({ event: storedRecord({ data: [1, 2] }) })!.data).toEqual({ value: [1, 2] });
    const jsonBytes = new TextEncoder().encode('{"a":1}');
    expect(toRecordedEvent({ event: storedRecord({ data: jsonBytes }) })!.data).toEqual({ a: 1 });
  });

  it('falls back to the commit position when the server sends no position', () => {
    const event = toRecordedEvent({ event: storedRecord({ position: undefined }), commitPosition: 555n })!;
    expect(event.position).toEqual({ commit: 555n, prepare: 555n });
  });

  it('yields null for a resolved event without a record', () => {
    expect(toRecordedEvent({ commitPosition: 5n })).toBeNull();
  });
});

describe('positions', () => {
  it('copies client positions', () => {
    const client = { commit: 9n, prepare: 8n };
    const ours = fromClientPosition(client);
    expect(ours).toEqual({ commit: 9n, prepare: 8n });
    expect(ours).not.toBe(client);
  });

  it('starts reads at the client START for no position and for our START', () => {
    expect(toReadPosition(undefined)).toBe('start');
    expect(toReadPosition({ commit: 0n, prepare: 0n })).toBe('start');
    expect(toReadPosition({ commit: 1200n, prepare: 1100n })).toEqual({ commit: 1200n, prepare: 1100n });
  });

  it('treats `after` as exclusive: the record at `after` itself is dropped', () => {
    const after = { commit: 100n, prepare: 90n };
    expect(isAfter({ commit: 100n, prepare: 90n }, after)).toBe(false);
    expect(isAfter({ commit: 100n, prepare: 89n }, after)).toBe(false);
    expect(isAfter({ commit: 99n, prepare: 200n }, after)).toBe(false);
    expect(isAfter({ commit: 100n, prepare: 91n }, after)).toBe(true);
    expect(isAfter({ commit: 101n, prepare: 0n }, after)).toBe(true);
    expect(isAfter({ commit: 0n, prepare: 0n }, undefined)).toBe(true);
  });
});

describe('filters', () => {
  it('excludes system event types when there is no filter', () => {
    expect(toClientFilter(undefined)).toEqual({
      filterOn: 'eventType',
      regex: '^[^$]',
      checkpointInterval: 1,
      checkpointReached: undefined,
    });
    expect(toClientFilter({ eventTypes: [], streamPrefixes: [] })).toMatchObject({
      filterOn: 'eventType',
      regex: '^[^$]',
    });
  });

  it('matches listed event types exactly, escaped, never a system type', () => {
    const filter = toClientFilter({ eventTypes: ['order.placed', 'a+b(1)'] });
    expect(filter).toMatchObject({ filterOn: 'eventType', regex: '^(?!\\$)(?:order\\.placed|a\\+b\\(1\\))$' });
    const regex = new RegExp((filter as { regex: string }).regex);
    expect(['order.placed', 'a+b(1)'].map((type) => regex.test(type))).toEqual([true, true]);
    expect(['orderXplaced', 'order.placed.v2', 'aab1', 'xorder.placed'].some((type) => regex.test(type))).toBe(false);
  });

  it('keeps a listed system type out', () => {
    const regex = new RegExp((toClientFilter({ eventTypes: ['$metadata', 'ok'] }) as { regex: string }).regex);
    expect(regex.test('$metadata')).toBe(false);
    expect(regex.test('ok')).toBe(true);
  });

  it('filters on stream prefixes, escaped, excluding system streams', () => {
    const filter = toClientFilter({ streamPrefixes: ['order-', 'x.y', '$'] });
    expect(filter).toMatchObject({ filterOn: 'streamName', regex: '^(?!\\$)(?:order-|x\\.y|\\$)' });
    const regex = new RegExp((filter as { regex: string }).regex);
    expect(['order-1', 'x.y-2'].map((stream) => regex.test(stream))).toEqual([true, true]);
    expect(['xzy-2', 'orders', '$streams', 'my-order-1'].some((stream) => regex.test(stream))).toBe(false);
  });

  it('sends event types to the server when both fields are given', () => {
    expect(toClientFilter({ eventTypes: ['t'], streamPrefixes: ['p-'] })).toMatchObject({
      filterOn: 'eventType',
      regex: '^(?!\\$)(?:t)$',
    });
  });

  it('passes the checkpoint interval and callback through', () => {
    const checkpointReached = () => undefined;
    expect(toClientFilter({ eventTypes: ['t'] }, { checkpointInterval: 16, checkpointReached })).toMatchObject({
      checkpointInterval: 16,
      checkpointReached,
    });
  });

  it('escapes every regex metacharacter', () => {
    expect(escapeRegex('.*+?^${}()|[]\\')).toBe('\\.\\*\\+\\?\\^\\$\\{\\}\\(\\)\\|\\[\\]\\\\');
    expect(escapeRegex('order-placed_v2')).toBe('order-placed_v2');
  });

  it('applies the whole filter to events read from $all', () => {
    const filter = { eventTypes: ['order.placed'], streamPrefixes: ['order-'] };
    expect(isVisible(recorded(), filter)).toBe(true);
    expect(isVisible(recorded({ type: 'order.cancelled' }), filter)).toBe(false);
    expect(isVisible(recorded({ streamId: 'invoice-1' }), filter)).toBe(false);
    expect(isVisible(recorded({ type: '$>' }))).toBe(false);
    expect(isVisible(recorded({ streamId: '$$order-o-1' }))).toBe(false);
    expect(isVisible(recorded({ type: 'anything', streamId: 'any-stream' }))).toBe(true);
  });

  it('tells a consumer filter from the system exclusion alone', () => {
    expect(isFiltered(undefined)).toBe(false);
    expect(isFiltered({ eventTypes: [], streamPrefixes: [] })).toBe(false);
    expect(isFiltered({ eventTypes: ['t'] })).toBe(true);
    expect(isFiltered({ streamPrefixes: ['p'] })).toBe(true);
  });
});
