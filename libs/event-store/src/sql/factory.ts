import { PgDatabase, PgliteDatabase, pgliteDirectory } from '#database';
import { SqlEventStore } from './sql-event-store.js';

/** The embedded default: PGlite persisted under `<dataDir>/pglite` (or in memory without a dir). */
export async function openPgliteEventStore(dataDir?: string): Promise<SqlEventStore> {
  const database = await PgliteDatabase.open(dataDir ? pgliteDirectory(dataDir) : undefined);
  return SqlEventStore.open(database);
}

export async function openPostgresEventStore(options: {
  connectionString: string;
  schema?: string;
  maxConnections?: number;
}): Promise<SqlEventStore> {
  const database = await PgDatabase.open({ ...options, applicationName: 'coproduction-event-store' });
  return SqlEventStore.open(database);
}
