import type { SqlDatabase } from './database.js';

export interface Migration {
  /** Strictly increasing within a namespace; never renumber a released migration. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Applies the pending migrations of one namespace ('event-store', 'read-models', ...).
 * A transaction-scoped advisory lock serialises processes that start at the same time, and
 * each migration commits together with its row in schema_migrations, so running twice, or
 * from two processes at once, applies every migration exactly once.
 */
export async function migrate(
  database: SqlDatabase,
  namespace: string,
  migrations: readonly Migration[],
): Promise<number[]> {
  assertOrdered(namespace, migrations);
  return database.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('schema_migrations'))`);
    await tx.query(`create table if not exists schema_migrations (
      namespace text not null,
      version integer not null,
      name text not null,
      applied_at timestamptz not null default now(),
      primary key (namespace, version)
    )`);
    const rows = await tx.query<{ version: number }>('select version from schema_migrations where namespace = $1', [
      namespace,
    ]);
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newlyApplied: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (namespace, version, name) values ($1, $2, $3)', [
        namespace,
        migration.version,
        migration.name,
      ]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}

function assertOrdered(namespace: string, migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && previous.version >= migration.version) {
      throw new Error(`Migrations of ${namespace} are out of order at version ${migration.version}`);
    }
  });
}
