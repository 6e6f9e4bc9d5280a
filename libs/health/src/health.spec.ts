import { Global, type INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { APP_CONFIG } from '#config';
import { OPERATIONAL_DATABASE } from '#database';
import { EVENT_STORE } from '#event-store';
import { HealthModule } from './health.module.js';
import { READ_MODELS_CHECK_TIMEOUT_MS } from './read-models.health.js';

/** Liveness and readiness over HTTP, with an event store and a read-model database that fail on demand. */
const store = {
  kind: 'postgres',
  lastPosition: async (): Promise<unknown> => null,
  oldestAppendInFlight: async (): Promise<unknown> => null,
};
const database = { dialect: 'postgres', query: async (_sql: string): Promise<unknown[]> => [{ '?column?': 1 }] };
const healthy = { ...store, ...database };

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, useValue: store },
    { provide: OPERATIONAL_DATABASE, useValue: database },
    { provide: APP_CONFIG, useValue: { eventLogHoldLimitSeconds: 30 } },
  ],
  exports: [EVENT_STORE, OPERATIONAL_DATABASE, APP_CONFIG],
})
class FakeStores {}

let app: INestApplication;
let base: string;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({ imports: [FakeStores, HealthModule] }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  base = await app.getUrl();
});
afterAll(() => app.close());
beforeEach(() => {
  store.lastPosition = healthy.lastPosition;
  store.oldestAppendInFlight = healthy.oldestAppendInFlight;
  database.query = healthy.query;
});

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/health (liveness) and /health/ready (readiness)', () => {
  it('both answer 200 when the stores answer; only readiness asks the read-model database', async () => {
    const asked: string[] = [];
    database.query = async (sql) => {
      asked.push(sql);
      return [{ '?column?': 1 }];
    };
    expect(await get('/health')).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', info: { eventStore: { status: 'up', kind: 'postgres' } } }),
    });
    expect(asked).toEqual([]);
    const ready = await get('/health/ready');
    expect(asked).toEqual(['select 1']);
    const checks = {
      eventStore: { status: 'up', kind: 'postgres' },
      readModels: { status: 'up', kind: 'postgres', responseTime: expect.any(Number) },
      eventLog: { status: 'up', heldBack: false },
    };
    expect(ready).toEqual({ status: 200, body: { status: 'ok', info: checks, error: {}, details: checks } });
  });

  it('is live but not ready while an append has held the event log back longer than the limit', async () => {
    const since = new Date(Date.now() - 45_000);
    store.oldestAppendInFlight = async () => ({ transactionId: '9001', pid: 77, since });
    expect((await get('/health')).status).toBe(200);
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      error: {
        eventLog: {
          status: 'down',
          heldBack: true,
          transactionId: '9001',
          pid: 77,
          since: since.toISOString(),
          limitSeconds: 30,
        },
      },
    });
    // Under the limit, an append in flight is no reason to stop sending traffic.
    store.oldestAppendInFlight = async () => ({ transactionId: '9002', pid: 78, since: new Date(Date.now() - 5_000) });
    expect((await get('/health/ready')).status).toBe(200);
  });

  it('is live but not ready when the read-model database refuses', async () => {
    database.query = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    };
    expect((await get('/health')).status).toBe(200);
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      error: { readModels: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:5432' } },
    });
  });

  it(`is not ready when the read-model database does not answer within ${READ_MODELS_CHECK_TIMEOUT_MS} ms`, async () => {
    database.query = () => new Promise<unknown[]>(() => undefined);
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      error: { readModels: { status: 'down', message: `timeout of ${READ_MODELS_CHECK_TIMEOUT_MS}ms exceeded` } },
    });
  });

  it('is neither live nor ready when the event store is unreachable', async () => {
    store.lastPosition = async () => {
      throw new Error('event store unreachable');
    };
    expect(await get('/health')).toMatchObject({
      status: 503,
      body: { error: { eventStore: { status: 'down', message: 'event store unreachable' } } },
    });
    expect((await get('/health/ready')).status).toBe(503);
  });
});
