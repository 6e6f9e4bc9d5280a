import { PgDatabase } from '../pg-database.js';
import { PgliteDatabase } from '../pglite-database.js';
import type { SqlDatabase } from '../database.js';
import { postgresTestUrl, uniqueSchema } from './postgres.js';

/** A database a spec runs on, and how to get rid of it afterwards. */
export interface TestDatabase {
  readonly database: SqlDatabase;
  dispose(): Promise<void>;
}

/** An in-memory PGlite database (the embedded default). */
export async function openPgliteTestDatabase(): Promise<TestDatabase> {
  const database = await PgliteDatabase.open();
  return { database, dispose: () => database.close() };
}

/** A schema of its own on the PostgreSQL server of DATABASE_URL, dropped on dispose. */
export async function openPostgresTestDatabase(url: string, prefix: string): Promise<TestDatabase> {
  // Few connections: two jest workers, their APIs and many specs' databases share one server.
  const database = await PgDatabase.open({ connectionString: url, schema: uniqueSchema(prefix), maxConnections: 4 });
  return {
    database,
    dispose: async () => {
      await database.dropSchema();
      await database.close();
    },
  };
}

/**
 * Where a spec that is not about the database engine runs: the PostgreSQL server of DATABASE_URL
 * when there is one (CI), in a schema of its own, else an in-memory PGlite. PostgreSQL answers
 * natively and opens a schema in milliseconds; PGlite runs as WebAssembly in the test's own thread
 * and takes seconds to open. What must hold on both engines runs on both (`testDatabases`), and
 * the embedded default keeps its own suites (the event-store contract, the end-to-end tests on
 * DATA_DIR).
 */
export function openTestDatabase(prefix: string): Promise<TestDatabase> {
  const url = postgresTestUrl();
  return url ? openPostgresTestDatabase(url, prefix) : openPgliteTestDatabase();
}

/**
 * Where a spec that must hold on both engines runs: PostgreSQL when DATABASE_URL is set (CI always
 * sets it), in a schema named after `prefix`, and PGlite always. For `describe.each`.
 */
export function testDatabases(prefix: string): Array<[string, () => Promise<TestDatabase>]> {
  const url = postgresTestUrl();
  return [
    ...(url
      ? [['PostgreSQL', () => openPostgresTestDatabase(url, prefix)] as [string, () => Promise<TestDatabase>]]
      : []),
    ['PGlite', openPgliteTestDatabase],
  ];
}
