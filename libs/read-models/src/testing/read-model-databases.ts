import { PgDatabase, PgliteDatabase, type SqlDatabase } from '#database';
import { postgresTestUrl, uniqueSchema } from '#database/testing';

/** A database a read-model spec runs on, and how to get rid of it afterwards. */
export interface ReadModelTestDatabase {
  readonly database: SqlDatabase;
  dispose(): Promise<void>;
}

/** An in-memory PGlite database (the embedded default): what most read-model specs run on. */
export async function openPgliteTestDatabase(): Promise<ReadModelTestDatabase> {
  const database = await PgliteDatabase.open();
  return { database, dispose: () => database.close() };
}

/** A schema of its own on the PostgreSQL server of DATABASE_URL, dropped on dispose. */
export async function openPostgresTestDatabase(url: string, prefix: string): Promise<ReadModelTestDatabase> {
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
 * Where a read-model spec runs unless it asks for an engine: the PostgreSQL server of DATABASE_URL
 * when there is one (CI), in a schema of its own, else an in-memory PGlite. PostgreSQL runs the
 * projections' SQL natively, PGlite as WebAssembly in the test's own thread, several times slower;
 * what must hold on both engines says so with `readModelTestDatabases`, and the embedded default
 * keeps its own suites (the event-store contract, the end-to-end tests on DATA_DIR).
 */
export function openReadModelTestDatabase(): Promise<ReadModelTestDatabase> {
  const url = postgresTestUrl();
  return url ? openPostgresTestDatabase(url, 'rm') : openPgliteTestDatabase();
}

/**
 * Where a spec that must hold on both engines runs: PostgreSQL when DATABASE_URL is set (CI always
 * sets it), in a schema named after `prefix`, and PGlite always. For `describe.each`.
 */
export function readModelTestDatabases(prefix: string): Array<[string, () => Promise<ReadModelTestDatabase>]> {
  const url = postgresTestUrl();
  return [
    ...(url
      ? [['PostgreSQL', () => openPostgresTestDatabase(url, prefix)] as [string, () => Promise<ReadModelTestDatabase>]]
      : []),
    ['PGlite', openPgliteTestDatabase],
  ];
}
