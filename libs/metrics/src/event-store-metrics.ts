import { Counter, Histogram, type Registry } from 'prom-client';
import type { AppendObserver, EventStoreError } from '#event-store';
import { METRIC_PREFIX } from './prefix.js';

/** Seconds: an embedded PGlite append takes about a millisecond, a loaded PostgreSQL or KurrentDB far more. */
const APPEND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const STORE_ERROR_CODES = new Set<EventStoreError['code']>([
  'WRONG_EXPECTED_REVISION',
  'EVENT_ID_CONFLICT',
  'INVALID_EVENT',
  'EVENT_STORE_UNAVAILABLE',
]);

/** `ok`, the store's error code in lower case (`wrong_expected_revision`…), or `error` for anything else. */
export function appendOutcome(error: unknown): string {
  if (error === null || error === undefined) return 'ok';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && STORE_ERROR_CODES.has(code as EventStoreError['code'])
    ? code.toLowerCase()
    : 'error';
}

/** Append latency and appended events, by store kind: the observer the event store module wraps its store with. */
export class EventStoreMetrics implements AppendObserver {
  private readonly duration: Histogram<'store' | 'outcome'>;
  private readonly events: Counter<'store'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}event_store_append_duration_seconds`,
      help: 'Duration of event store appends (one call, one or more events), by store kind and outcome',
      labelNames: ['store', 'outcome'],
      buckets: APPEND_BUCKETS,
      registers: [registry],
    });
    this.events = new Counter({
      name: `${METRIC_PREFIX}event_store_appended_events_total`,
      help: 'Events handed to successful event store appends, by store kind',
      labelNames: ['store'],
      registers: [registry],
    });
  }

  appended(observation: { kind: string; events: number; seconds: number; error: unknown }): void {
    const outcome = appendOutcome(observation.error);
    this.duration.observe({ store: observation.kind, outcome }, observation.seconds);
    if (outcome === 'ok') this.events.inc({ store: observation.kind }, observation.events);
  }
}
