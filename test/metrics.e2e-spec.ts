import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { READ_MODEL_PROJECTIONS } from '#read-models';
import { startApi, type RunningApi } from './support/api-process.js';
import { suiteApi } from './support/suite-api.js';
import { ADMIN, COORDINATOR } from './support/auth.js';
import { postgresTestUrl, uniqueSchema, TEST_POOL } from './support/postgres.js';
import { launchProject } from './support/project.js';
import { kill, startProjector } from './support/projector-process.js';
import { PgDatabase } from '#database';

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The samples of a Prometheus text exposition (comments left out). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

class Scrape {
  readonly samples: Sample[];

  constructor(readonly text: string) {
    this.samples = parse(text);
  }

  /** The value of the one sample of this name whose labels include these; undefined if none. */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    const found = this.samples.filter(
      (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    );
    if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
    return found[0]?.value;
  }

  all(name: string): Sample[] {
    return this.samples.filter((sample) => sample.name === name);
  }
}

async function scrape(origin: string): Promise<Scrape> {
  // No Authorization header: Prometheus sends none.
  const response = await fetch(`${origin}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return new Scrape(await response.text());
}

async function until(origin: string, check: (scrape: Scrape) => boolean, what: string): Promise<Scrape> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const current = await scrape(origin);
    if (check(current)) return current;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${current.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const PROJECTIONS = READ_MODEL_PROJECTIONS.map((projection) => projection.name);

function expectProcessMetrics(current: Scrape): void {
  for (const name of [
    'process_cpu_user_seconds_total',
    'process_resident_memory_bytes',
    'process_start_time_seconds',
    'nodejs_eventloop_lag_seconds',
    'nodejs_heap_size_used_bytes',
  ])
    expect({ name, present: current.all(name).length > 0 }).toEqual({ name, present: true });
}

function expectProjectionGauges(current: Scrape): void {
  expect(current.value('coproduction_projection_status_up')).toBe(1);
  for (const projection of PROJECTIONS) {
    const gauges = Object.fromEntries(
      ['lag_events', 'lag_seconds', 'events_per_second', 'events_processed', 'generation', 'failed'].map((gauge) => [
        gauge,
        current.value(`coproduction_projection_${gauge}`, { projection }),
      ]),
    );
    expect({ projection, ...gauges }).toEqual({
      projection,
      lag_events: expect.any(Number),
      lag_seconds: expect.any(Number),
      events_per_second: expect.any(Number),
      events_processed: expect.any(Number),
      generation: 1,
      failed: 0,
    });
    const states = current.all('coproduction_projection_state').filter((s) => s.labels.projection === projection);
    expect(states).toHaveLength(5);
    expect(states.filter((s) => s.value === 1)).toHaveLength(1);
  }
}

const caughtUp = (current: Scrape) =>
  PROJECTIONS.every((projection) => current.value('coproduction_projection_lag_events', { projection }) === 0);

describe('GET /metrics on the API (embedded default)', () => {
  // On the embedded default: the event store's metrics are labelled with its kind (pglite).
  const api = suiteApi('metrics-e2e', { embedded: true });
  let origin: string;

  beforeAll(async () => {
    origin = new URL(api.url).origin;
  });
  it('counts operations by name and outcome with their latency, needs no token, and is no operation itself', async () => {
    const ok = await api.graphql('query MetricsStatus { projections { name state } }', undefined, ADMIN);
    expect(ok.errors).toBeUndefined();
    const refused = await api.graphql('query MetricsRefused { projections { name } }', undefined, COORDINATOR);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.graphql('{ projections { name } }', undefined, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const first = await scrape(origin);
    const operations = 'coproduction_graphql_operations_total';
    expect(first.value(operations, { operation: 'MetricsStatus', type: 'query', outcome: 'ok' })).toBe(1);
    expect(first.value(operations, { operation: 'MetricsRefused', type: 'query', outcome: 'FORBIDDEN' })).toBe(1);
    // Refused at authentication, before the operation was read.
    expect(first.value(operations, { operation: 'unknown', type: 'unknown', outcome: 'UNAUTHENTICATED' })).toBe(1);
    // startApi's readiness probe.
    expect(first.value(operations, { operation: 'anonymous', type: 'query', outcome: 'ok' })).toBeGreaterThanOrEqual(1);

    const duration = 'coproduction_graphql_operation_duration_seconds';
    const okLabels = { operation: 'MetricsStatus', type: 'query', result: 'ok' };
    expect(first.value(`${duration}_count`, okLabels)).toBe(1);
    expect(first.value(`${duration}_sum`, okLabels)).toBeGreaterThan(0);
    expect(first.value(`${duration}_bucket`, { ...okLabels, le: '+Inf' })).toBe(1);
    expect(first.value(`${duration}_bucket`, { ...okLabels, le: '30' })).toBe(1);
    const errorLabels = { operation: 'MetricsRefused', type: 'query', result: 'error' };
    expect(first.value(`${duration}_count`, errorLabels)).toBe(1);

    // Scraping is not a GraphQL operation: a second scrape counts exactly what the first did.
    const second = await scrape(origin);
    const total = (current: Scrape) => current.all(operations).reduce((sum, sample) => sum + sample.value, 0);
    expect(total(second)).toBe(total(first));
    expect(second.all(operations).map((sample) => sample.labels)).toEqual(first.all(operations).map((s) => s.labels));
  });

  it('exposes process and Node.js metrics', async () => {
    expectProcessMetrics(await scrape(origin));
  });

  it('reports the lag, rate, state and failures of every projection it runs inline', async () => {
    expectProjectionGauges(await until(origin, caughtUp, 'projections to catch up'));
  });

  it('times appends to the event store and counts appended events after a mutation', async () => {
    const before = await scrape(origin);
    const appends = 'coproduction_event_store_append_duration_seconds';
    const countOf = (current: Scrape) => current.value(`${appends}_count`, { store: 'pglite', outcome: 'ok' }) ?? 0;
    const eventsOf = (current: Scrape) =>
      current.value('coproduction_event_store_appended_events_total', { store: 'pglite' }) ?? 0;

    await launchProject(api, randomUUID());

    const after = await until(origin, (current) => caughtUp(current) && countOf(current) > countOf(before), 'append');
    expect(countOf(after)).toBe(countOf(before) + 1);
    expect(eventsOf(after)).toBeGreaterThan(eventsOf(before));
    expect(after.value(`${appends}_sum`, { store: 'pglite', outcome: 'ok' })).toBeGreaterThan(0);
    expect(after.value(`${appends}_bucket`, { store: 'pglite', outcome: 'ok', le: '+Inf' })).toBe(countOf(after));
    expect(
      after.value('coproduction_graphql_operations_total', { operation: 'L', type: 'mutation', outcome: 'ok' }),
    ).toBe(1);
    // The projections processed the new events.
    expect(after.value('coproduction_projection_events_processed', { projection: 'directory' })).toBeGreaterThan(0);
  });

  it('counts graphql-ws subscriptions started, which Apollo never sees', async () => {
    const client = createClient({
      url: api.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: ADMIN,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const unsubscribe = client.subscribe(
          { query: 'subscription MetricsWatch { projectionStatus { name } }' },
          {
            next: () => {
              unsubscribe();
              resolve();
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
    } finally {
      await client.dispose();
    }
    const current = await scrape(origin);
    expect(current.value('coproduction_graphql_subscriptions_started_total', { field: 'projectionStatus' })).toBe(1);
    expect(current.value('coproduction_graphql_operations_total', { operation: 'MetricsWatch' })).toBeUndefined();
  });
});

/** The built standalone projector, once its /metrics answers. */
async function startProjectorOn(env: Record<string, string>): Promise<{ process: ChildProcess; origin: string }> {
  const projector = await startProjector(env);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (projector.process.exitCode !== null)
      throw new Error(`projector exited with ${projector.process.exitCode}:\n${projector.output()}`);
    if ((await fetch(`${projector.origin}/metrics`).catch(() => null))?.ok) return projector;
    if (Date.now() > deadline) {
      await kill(projector.process);
      throw new Error(`projector did not start in time:\n${projector.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const postgresUrl = postgresTestUrl();
(postgresUrl ? describe : describe.skip)(
  'GET /metrics with a standalone projector (skipped without DATABASE_URL)',
  () => {
    const schema = uniqueSchema('metrics');
    const env = { EVENT_STORE: 'postgres', DATABASE_URL: postgresUrl!, DATABASE_SCHEMA: schema, ...TEST_POOL };
    let api: RunningApi | undefined;
    let projector: { process: ChildProcess; origin: string } | undefined;

    beforeAll(async () => {
      projector = await startProjectorOn(env);
      api = await startApi({ ...env, PROJECTOR: 'off' });
    });
    afterAll(async () => {
      await api?.stop();
      if (projector) await kill(projector.process, 'SIGTERM');
      await PgDatabase.dropSchemaAt(postgresUrl!, schema);
    });

    it('the projector serves the projection gauges; the API, running none, times its PostgreSQL appends', async () => {
      await launchProject(api!, randomUUID());

      const apiOrigin = new URL(api!.url).origin;
      const fromApi = await scrape(apiOrigin);
      expect(
        fromApi.value('coproduction_event_store_append_duration_seconds_count', { store: 'postgres', outcome: 'ok' }),
      ).toBe(1);
      expect(fromApi.value('coproduction_event_store_appended_events_total', { store: 'postgres' })).toBeGreaterThan(0);
      // PROJECTOR=off: the API runs no projection, so it reports none.
      expect(fromApi.all('coproduction_projection_lag_events')).toEqual([]);
      expect(fromApi.value('coproduction_projection_status_up')).toBe(1);

      const fromProjector = await until(
        projector!.origin,
        (current) =>
          caughtUp(current) &&
          (current.value('coproduction_projection_events_processed', { projection: 'directory' }) ?? 0) > 0,
        'the projector to process the launch',
      );
      expectProjectionGauges(fromProjector);
      expectProcessMetrics(fromProjector);
      // The projector appends nothing and serves no GraphQL.
      expect(fromProjector.all('coproduction_event_store_append_duration_seconds_count')).toEqual([]);
      expect(fromProjector.all('coproduction_graphql_operations_total')).toEqual([]);
    });
  },
);
