import type { SqlExecutor } from '#database';
import type { ReadModelTable } from '#projections';

/**
 * A fact table's companion: for each scope (a project, a territory) the log position of the last
 * fact written for it. It changes exactly when the scope's facts do and is written in the same
 * transaction as them, so a reader may keep what it computed from a scope's facts while the
 * scope's version stays the same (the signals' and the report's kept results), on every replica.
 * A replay of the same log writes the same versions.
 */
export const scopeVersionsTable = (name: string): ReadModelTable => ({
  name,
  create: (table) => `create table ${table} (scope text primary key, version text not null)`,
});

/** The key of a scope's row: one project's facts, or all of a territory's. */
export const versionKey = (scope: { readonly projectId?: string | null; readonly territoryId?: string | null }) =>
  scope.projectId ? `project:${scope.projectId}` : `territory:${scope.territoryId ?? ''}`;

interface FactRow {
  readonly pos_commit: string;
  readonly pos_prepare: string;
  readonly project_id?: string | null;
  readonly territory_id?: string | null;
}

/** Moves the version of every project and territory the batch's facts belong to (one statement). */
export async function writeScopeVersions(tx: SqlExecutor, table: string, facts: readonly FactRow[]): Promise<void> {
  const versions = new Map<string, string>();
  for (const fact of facts) {
    const version = `${fact.pos_commit}/${fact.pos_prepare}`;
    if (fact.project_id) versions.set(versionKey({ projectId: fact.project_id }), version);
    if (fact.territory_id) versions.set(versionKey({ territoryId: fact.territory_id }), version);
  }
  if (versions.size === 0) return;
  await tx.query(
    `insert into ${table} (scope, version)
     select scope, version from jsonb_to_recordset($1::jsonb) as r(scope text, version text)
     on conflict (scope) do update set version = excluded.version`,
    [JSON.stringify([...versions].map(([scope, version]) => ({ scope, version })))],
  );
}

/** The current version of each scope asked for, in order ('none' before its first fact). */
export async function readScopeVersions(
  database: SqlExecutor,
  reads: ReadonlyArray<{ readonly table: string; readonly key: string }>,
): Promise<string[]> {
  const columns = reads.map(
    (read, index) => `(select version from ${read.table} where scope = $${index + 1}) as v${index}`,
  );
  const [row] = await database.query<Record<string, string | null>>(
    `select ${columns.join(', ')}`,
    reads.map((read) => read.key),
  );
  return reads.map((_, index) => row?.[`v${index}`] ?? 'none');
}
