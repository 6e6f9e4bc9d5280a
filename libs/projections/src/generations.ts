import type { SqlExecutor } from '#database';
import { physicalTable, type Projection } from './projection.js';
import { runs } from './runs.js';

/** Creates the physical tables of a new generation and its run row, in the caller's transaction. */
export async function createGeneration(
  tx: SqlExecutor,
  projection: Projection,
  status: 'live' | 'building',
): Promise<number> {
  const generation = await runs.nextGeneration(tx, projection.name);
  for (const table of projection.tables) {
    await tx.exec(table.create(physicalTable(table.name, generation)));
  }
  await runs.create(tx, projection.name, generation, projection.version, status);
  if (status === 'live') await pointViews(tx, projection, generation);
  return generation;
}

/** Repoints every logical table of a projection to one generation: the atomic part of a swap. */
export async function pointViews(tx: SqlExecutor, projection: Projection, generation: number): Promise<void> {
  for (const table of projection.tables) {
    await tx.exec(
      `drop view if exists ${table.name}; create view ${table.name} as select * from ${physicalTable(table.name, generation)};`,
    );
  }
}

export async function dropGeneration(tx: SqlExecutor, projection: Projection, generation: number): Promise<void> {
  for (const table of projection.tables) {
    await tx.exec(`drop table if exists ${physicalTable(table.name, generation)} cascade;`);
  }
}
