import { openTestDatabase } from '#database/testing';
import { SqlEventStore } from '../sql/sql-event-store.js';

/**
 * A fresh, empty event store for a spec about what lies above the store (the command side, the
 * API's membership fold): on the PostgreSQL server of DATABASE_URL when there is one, in a schema
 * of its own dropped on close, else an in-memory PGlite. The store's own behaviour on every engine
 * is the contract suite's business.
 */
export async function openTestEventStore(prefix: string): Promise<SqlEventStore> {
  const { database, dispose } = await openTestDatabase(prefix);
  const store = await SqlEventStore.open(database, { ownsDatabase: false });
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      await close();
      await dispose();
    },
  });
}
