import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PgDatabase } from '#database';
import { someEventsForE2e } from './support/events.js';
import { startApi, type RunningApi } from './support/api-process.js';
import { as } from './support/auth.js';
import { DEV_ACTOR, launchProject, registerCarer } from './support/project.js';
import { postgresTestUrl, uniqueSchema, TEST_POOL } from './support/postgres.js';

/**
 * The platform shares its PostgreSQL server with other applications: their transactions must
 * never hold its log back. Only an append of its own that stays open does, and then the
 * projections' status, /metrics and readiness say so.
 */
const url = postgresTestUrl();
const ADMIN = as('admin-1;admin');

if (!url) {
  describe('the event log beside other transactions', () => {
    it.skip('skipped: DATABASE_URL is not set, so there is no PostgreSQL server to run against', () => undefined);
  });
} else {
  describe('the event log beside other transactions', () => {
    const schema = uniqueSchema('hold');
    let api: RunningApi;
    let origin: string;

    beforeAll(async () => {
      api = await startApi({
        EVENT_STORE: 'postgres',
        DATABASE_URL: url,
        DATABASE_SCHEMA: schema,
        ...TEST_POOL,
        EVENT_LOG_HOLD_LIMIT_SECONDS: '2',
      });
      origin = new URL(api.url).origin;
    });
    afterAll(async () => {
      await api?.stop();
      await PgDatabase.dropSchemaAt(url, schema);
    });

    it('reads a mutation back with its consistency token while another database holds a transaction open', async () => {
      const other = new URL(url);
      other.pathname = '/postgres';
      const foreign = new pg.Client({ connectionString: other.toString() });
      await foreign.connect();
      try {
        await foreign.query('begin; select pg_current_xact_id();');
        const projectId = randomUUID();
        const started = Date.now();
        await launchProject(api, projectId);
        const written = await registerCarer(api, projectId);
        const read = await api.graphql<{ project: { carers: { totalCount: number } } }>(
          `query ($id: ID!, $at: String) { project(id: $id, atLeastPosition: $at) { carers { totalCount } } }`,
          { id: projectId, at: written.position },
          DEV_ACTOR,
        );
        expect(read.errors).toBeUndefined();
        expect(read.data!.project.carers.totalCount).toBe(1);
        // Well inside the 5 s a consistency token waits before CONSISTENCY_TIMEOUT.
        expect(Date.now() - started).toBeLessThan(4_000);
      } finally {
        await foreign.query('rollback');
        await foreign.end();
      }
    });

    it('reports an append of its own left open: in the projections, in /metrics and in readiness, until it ends', async () => {
      const database = await PgDatabase.open({ connectionString: url, schema });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let opened!: (pid: number) => void;
      const stuck = new Promise<number>((resolve) => (opened = resolve));
      const writer = database.transaction(async (tx) => {
        const [event] = someEventsForE2e(1);
        await tx.query('select * from es_append($1, $2, $3::jsonb)', [
          `stuck-${randomUUID()}`,
          'no_stream',
          JSON.stringify([{ ...event, occurredAt: event!.occurredAt.toISOString() }]),
        ]);
        const [row] = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
        opened(Number(row!.pid));
        await released;
      });
      try {
        const pid = await stuck;
        // Events committed after the open append wait behind it.
        await launchProject(api, randomUUID());
        await new Promise((resolve) => setTimeout(resolve, 3_000));

        const status = await api.graphql<{
          projections: Array<{
            name: string;
            lagSeconds: number;
            logHeldBack: { pid: number; seconds: number } | null;
          }>;
        }>('{ projections { name lagSeconds logHeldBack { transactionId pid since seconds } } }', undefined, ADMIN);
        expect(status.errors).toBeUndefined();
        const directory = status.data!.projections.find((projection) => projection.name === 'directory')!;
        expect(directory.logHeldBack).toMatchObject({ pid });
        expect(directory.logHeldBack!.seconds).toBeGreaterThanOrEqual(3);
        expect(directory.lagSeconds).toBeGreaterThanOrEqual(2);

        const ready = await fetch(`${origin}/health/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ error: { eventLog: { status: 'down', pid, limitSeconds: 2 } } });
        const metrics = await (await fetch(`${origin}/metrics`)).text();
        const held = /^coproduction_event_log_held_back_seconds (\S+)$/m.exec(metrics);
        expect(Number(held?.[1])).toBeGreaterThanOrEqual(3);
      } finally {
        release();
        await writer;
        await database.close();
      }
      const deadline = Date.now() + 10_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200) {
        status = (await fetch(`${origin}/health/ready`)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
    });
  });
}
