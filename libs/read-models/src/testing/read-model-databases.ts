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
  const database = await PgDatabase.open({ connectionString: url, schema: uniqueSchema(prefix) });
  return {
    database,
    dispose: async () => {
      await database.dropSchema();
      await database.close();
    },
  };
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
