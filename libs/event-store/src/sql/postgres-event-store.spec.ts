import { describe, expect, it } from '@jest/globals';
import { PgDatabase } from '#database';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { someEvents, uniqueStream } from '../contract/fixtures.js';
import { SqlEventStore } from './sql-event-store.js';
import { postgresTestUrl, uniqueSchema } from '../../../../test/support/postgres.js';

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
        expect(rows.map((r) => Number(r.version))).toEqual([1, 2]);
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
