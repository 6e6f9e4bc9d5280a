import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { PgliteDatabase } from '#database';
import { observeAppends, SqlEventStore, WrongExpectedRevisionError, type EventStore } from '#event-store';
import { anEvent, someEvents, uniqueStream } from '#event-store/testing';
import { appendOutcome } from './event-store-metrics.js';
import { PlatformMetrics } from './platform-metrics.js';
import { valueOf } from './testing/metric-values.js';

const DURATION = 'coproduction_event_store_append_duration_seconds';
const EVENTS = 'coproduction_event_store_appended_events_total';

describe('event store append metrics', () => {
  const registry = new Registry();
  const metrics = new PlatformMetrics(registry, { defaultMetrics: false });
  let inner: SqlEventStore;
  let store: EventStore;

  beforeAll(async () => {
    inner = await SqlEventStore.open(await PgliteDatabase.open());
    store = observeAppends(inner, metrics.eventStore);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('times each append by store kind and counts the events of successful ones', async () => {
    const stream = uniqueStream();
    const first = await store.append(stream, someEvents(3), 'no_stream');
    await store.append(stream, someEvents(2), first.nextExpectedRevision);

    expect(await valueOf(registry, EVENTS, { store: 'pglite' })).toBe(5);
    const count = await valueOf(registry, DURATION, { store: 'pglite', outcome: 'ok' }, `${DURATION}_count`);
    expect(count).toBe(2);
    const sum = await valueOf(registry, DURATION, { store: 'pglite', outcome: 'ok' }, `${DURATION}_sum`);
    expect(sum).toBeGreaterThan(0);
  });

  it('records a refused append under its error code, and still throws the error', async () => {
    const stream = uniqueStream();
    await store.append(stream, [anEvent()], 'no_stream');
    await expect(store.append(stream, [anEvent()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    const count = await valueOf(
      registry,
      DURATION,
      { store: 'pglite', outcome: 'wrong_expected_revision' },
      `${DURATION}_count`,
    );
    expect(count).toBe(1);
    // The refused event is not counted as appended.
    expect(await valueOf(registry, EVENTS, { store: 'pglite' })).toBe(6);
  });

  it('passes reads through to the adapter', async () => {
    const stream = uniqueStream();
    await store.append(stream, someEvents(2), 'no_stream');
    expect(store.kind).toBe('pglite');
    expect(await store.readStream(stream)).toHaveLength(2);
    expect(await store.lastPosition()).toEqual(await inner.lastPosition());
  });

  it('names outcomes from the store error codes only', () => {
    expect(appendOutcome(null)).toBe('ok');
    expect(appendOutcome(new WrongExpectedRevisionError('s', 'no_stream', 0n))).toBe('wrong_expected_revision');
    expect(appendOutcome(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('error');
    expect(appendOutcome(new Error('x'))).toBe('error');
  });
});
