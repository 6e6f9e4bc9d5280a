import type { SqlDatabase } from '#database';
import { READ_MODEL_PROJECTIONS } from '#read-models';
import { runs } from '#projections';

/**
 * Every read-model table of every projection as canonical text: rows sorted, so two databases
 * that projected the same events compare equal whatever order the rows were written in.
 */
export async function snapshotReadModels(database: SqlDatabase): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const projection of READ_MODEL_PROJECTIONS) {
    for (const table of projection.tables) {
      const rows = await database.query<{ row: string }>(`select row_to_json(t)::text as row from ${table.name} t`);
      snapshot[table.name] = rows.map((r) => r.row).sort();
    }
  }
  return snapshot;
}

/** The live checkpoints, to tell when a projector has caught up. */
export async function liveCheckpoints(database: SqlDatabase) {
  return (await runs.all(database)).filter((run) => run.status === 'live');
}
