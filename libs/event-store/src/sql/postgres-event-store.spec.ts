import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PgDatabase } from '#database';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { someEvents, uniqueStream } from '../contract/fixtures.js';
import { comparePositions } from '../position.js';
import type { RecordedEvent } from '../events.js';
import { SqlEventStore } from './sql-event-store.js';
import { postgresTestUrl, uniqueSchema } from '#database/testing';

const url = postgresTestUrl();

if (!url) {
  describe('EventStore contract: PostgreSQL', () => {
    it.skip('skipped: DATABASE_URL is not set, so there is no PostgreSQL server to run against', () => undefined);
  });
} else {
  eventStoreContract('PostgreSQL', async () => {
    const database = await PgDatabase.open({ connectionString: url, schema: uniqueSchema('es') });
    const store = await SqlEventStore.open(database, { ownsDatabase: false });
    return {
      store,
      dispose: async () => {
        await database.dropSchema();
        await database.close();
      },
    };
  });

  describe('PostgreSQL global log under out-of-order commits', () => {
    it('holds back a committed event while an earlier-numbered one is still uncommitted', async () => {
      const database = await PgDatabase.open({ connectionString: url, schema: uniqueSchema('hold') });
      const store = await SqlEventStore.open(database, { ownsDatabase: false });
      try {
        const prefix = uniqueStream('hold');
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let slowStarted!: () => void;
        const slowHasAppended = new Promise<void>((resolve) => (slowStarted = resolve));
        // The slow writer takes its sequence number first, then keeps its transaction open.
        const slow = database.transaction(async (tx) => {
          const [event] = someEvents(1);
          await tx.query('select * from es_append($1, $2, $3::jsonb)', [
            `${prefix}-slow`,
            'no_stream',
            JSON.stringify([{ ...event, occurredAt: event!.occurredAt.toISOString() }]),
          ]);
          slowStarted();
          await released;
        });
        await slowHasAppended;
        await store.append(`${prefix}-fast`, someEvents(1), 'no_stream');

        const whileOpen = await store.readAll({ limit: 100, filter: { streamPrefixes: [prefix] } });
        expect(whileOpen.events).toHaveLength(0);
        expect(whileOpen.heldBack).toBe(true);

        release();
        await slow;
        const afterCommit = await store.readAll({
          after: whileOpen.resumeAfter,
          limit: 100,
          filter: { streamPrefixes: [prefix] },
        });
        expect(afterCommit.events.map((e) => e.streamId)).toEqual([`${prefix}-slow`, `${prefix}-fast`]);
        expect(afterCommit.events[0]!.position.prepare).toBeLessThan(afterCommit.events[1]!.position.prepare);
      } finally {
        await database.dropSchema();
        await database.close();
      }
    });
  });

  /** A session of another application: a client on another database of the same server, or on this one. */
  async function foreignSession(database: 'other' | 'same'): Promise<pg.Client> {
    const target = new URL(url!);
    if (database === 'other') target.pathname = '/postgres';
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    return client;
  }

  const appendPayload = (count: number) =>
    JSON.stringify(someEvents(count).map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })));

  describe('PostgreSQL global log beside other transactions', () => {
    let database: PgDatabase;
    let store: SqlEventStore;
    beforeAll(async () => {
      database = await PgDatabase.open({ connectionString: url, schema: uniqueSchema('foreign') });
      store = await SqlEventStore.open(database, { ownsDatabase: false });
    });
    afterAll(async () => {
      await database.dropSchema();
      await database.close();
    });

    it('reads an append at once while transactions that append nothing stay open, here and in another database', async () => {
      const sessions = await Promise.all([foreignSession('other'), foreignSession('same')]);
      try {
        // Each takes a transaction id and then idles, as a stuck job or a long migration would.
        for (const session of sessions) await session.query('begin; select pg_current_xact_id();');
        const prefix = uniqueStream('foreign');
        await store.append(`${prefix}-1`, someEvents(2), 'no_stream');
        const page = await store.readAll({ limit: 10, filter: { streamPrefixes: [prefix] } });
        expect({ events: page.events.length, heldBack: page.heldBack, caughtUp: page.caughtUp }).toEqual({
          events: 2,
          heldBack: false,
          caughtUp: true,
        });
      } finally {
        for (const session of sessions) await session.end();
      }
    });

    it('names an append left open, and dates the events it holds back', async () => {
      const prefix = uniqueStream('stuck');
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let opened!: (who: { xid: string; pid: number }) => void;
      const stuck = new Promise<{ xid: string; pid: number }>((resolve) => (opened = resolve));
      const writer = database.transaction(async (tx) => {
        await tx.query('select * from es_append($1, $2, $3::jsonb)', [
          `${prefix}-stuck`,
          'no_stream',
          appendPayload(1),
        ]);
        const [who] = await tx.query<{ xid: string; pid: number }>(
          `select (pg_current_xact_id()::text::numeric % 4294967296)::text as xid, pg_backend_pid() as pid`,
        );
        opened(who!);
        await released;
      });
      try {
        const who = await stuck;
        await store.append(`${prefix}-later`, someEvents(1), 'no_stream');
        const page = await store.readAll({ limit: 10, filter: { streamPrefixes: [prefix] } });
        expect({ events: page.events.length, heldBack: page.heldBack }).toEqual({ events: 0, heldBack: true });

        const inFlight = await store.oldestAppendInFlight();
        expect(inFlight).toEqual({ transactionId: who.xid, pid: Number(who.pid), since: expect.any(Date) });
        expect(Date.now() - inFlight!.since.getTime()).toBeLessThan(60_000);
        const waiting = await store.firstRecordedAfter({ commit: 0n, prepare: 0n }, { streamPrefixes: [prefix] });
        const [later] = await store.readStream(`${prefix}-later`);
        expect(waiting).toEqual(later!.recordedAt);
      } finally {
        release();
        await writer;
      }
      expect(await store.oldestAppendInFlight()).toBeNull();
      const after = await store.readAll({ limit: 10, filter: { streamPrefixes: [prefix] } });
      expect(after.events.map((event) => event.streamId)).toEqual([`${prefix}-stuck`, `${prefix}-later`]);
    });

    it('refuses an append inside a transaction that already wrote something else, and writes nothing', async () => {
      const prefix = uniqueStream('late');
      await expect(
        database.transaction(async (tx) => {
          await tx.query('create temporary table scratch (x int) on commit drop');
          await tx.query('insert into scratch values (1)');
          await tx.query('select * from es_append($1, $2, $3::jsonb)', [`${prefix}-1`, 'no_stream', appendPayload(1)]);
        }),
      ).rejects.toMatchObject({ code: 'ES003' });
      expect(await store.readStream(`${prefix}-1`)).toEqual([]);
    });

    it('never skips nor repeats an event when appends commit out of order while foreign transactions come and go', async () => {
      const prefix = uniqueStream('order');
      const writers = 16;
      const appendsPerWriter = 6;
      const total = writers * appendsPerWriter * 2;
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] }, batchSize: 37 });
      const iterator = subscription[Symbol.asyncIterator]();
      const followed: RecordedEvent[] = [];
      const following = (async () => {
        const deadline = Date.now() + 30_000;
        // One pending next() at a time: a batch resolved into an abandoned promise would be lost.
        let pending = iterator.next();
        while (followed.length < total && Date.now() < deadline) {
          const next = await Promise.race([
            pending,
            new Promise<'wait'>((resolve) => setTimeout(() => resolve('wait'), 500).unref()),
          ]);
          if (next === 'wait') continue;
          if (next.done) break;
          followed.push(...next.value.events);
          pending = iterator.next();
        }
      })();

      // Other applications keep opening transactions with ids and committing them at random.
      let stop = false;
      const churn = (async () => {
        const sessions = await Promise.all([foreignSession('other'), foreignSession('same')]);
        try {
          while (!stop) {
            await Promise.all(
              sessions.map(async (session) => {
                await session.query('begin; select pg_current_xact_id();');
                await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
                await session.query('commit');
              }),
            );
          }
        } finally {
          for (const session of sessions) await session.end();
        }
      })();

      // Each append takes its transaction id and position, then waits a random time before it
      // commits: commits land in another order than ids and positions were handed out.
      const appended: string[] = [];
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          for (let i = 0; i < appendsPerWriter; i++) {
            const payload = appendPayload(2);
            await database.transaction(async (tx) => {
              await tx.query('select * from es_append($1, $2, $3::jsonb)', [`${prefix}-${writer}`, 'any', payload]);
              await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
            });
            appended.push(...(JSON.parse(payload) as Array<{ id: string }>).map((event) => event.id));
          }
        }),
      );
      await following;
      stop = true;
      await churn;
      await subscription.close();

      const seen = new Map<string, number>();
      for (const event of followed) seen.set(event.id, (seen.get(event.id) ?? 0) + 1);
      expect({
        missing: appended.filter((id) => !seen.has(id)).length,
        duplicated: [...seen.values()].filter((count) => count > 1).length,
        seen: followed.length,
      }).toEqual({ missing: 0, duplicated: 0, seen: total });
      for (let i = 1; i < followed.length; i++) {
        expect(comparePositions(followed[i]!.position, followed[i - 1]!.position)).toBe(1);
      }
      const reread = await store.readAll({ limit: 1000, filter: { streamPrefixes: [prefix] } });
      expect(reread.events.map((event) => event.id)).toEqual(followed.map((event) => event.id));
    });
  });

  describe('PostgreSQL migrations', () => {
    it('apply once when two processes start at the same time, and again is a no-op', async () => {
      const schema = uniqueSchema('mig');
      const [a, b] = await Promise.all([
        PgDatabase.open({ connectionString: url, schema }),
        PgDatabase.open({ connectionString: url, schema }),
      ]);
      try {
        const [storeA, storeB] = await Promise.all([
          SqlEventStore.open(a, { ownsDatabase: false }),
          SqlEventStore.open(b, { ownsDatabase: false }),
        ]);
        const again = await SqlEventStore.open(a, { ownsDatabase: false });
        const rows = await a.query<{ version: number }>(
          `select version from schema_migrations where namespace = 'event-store' order by version`,
        );
        expect(rows.map((r) => Number(r.version))).toEqual([1, 2, 3]);
        const streamId = uniqueStream();
        await storeA.append(streamId, someEvents(1), 'no_stream');
        expect(await storeB.readStream(streamId)).toHaveLength(1);
        expect(await again.streamCount()).toBe(1);
      } finally {
        await a.dropSchema();
        await a.close();
        await b.close();
      }
    });
  });
}
