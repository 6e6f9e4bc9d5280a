import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import type { SqlDatabase } from '#database';
import type { RecordedEvent } from '#event-store';
import { physicalTable, prepareProjections, type Projection } from '#projections';
import { readModelTestDatabases, type ReadModelTestDatabase } from './read-model-databases.js';

/** How a batch of events reaches `apply`: all at once, or one event per batch (one transaction each). */
export const BATCH_MODES = [
  ['in one batch', (events: readonly RecordedEvent[]) => [events]],
  ['event by event', (events: readonly RecordedEvent[]) => events.map((one) => [one])],
] as const;

/**
 * Every database of `readModelTestDatabases(prefix)` with every batch mode, for the specs of a
 * projection's `apply`: `describe.each(projectionTestCases('audit'))(…, (target, mode, open, batches) => …)`.
 */
export function projectionTestCases(prefix: string) {
  return readModelTestDatabases(prefix).flatMap(([target, open]) =>
    BATCH_MODES.map(([mode, batches]) => [target, mode, open, batches] as const),
  );
}

/**
 * A projection's first generation in a test database for the tests of one describe block: opened
 * and prepared before them, its tables emptied before each, disposed after them. Call it in the
 * describe block and read `database` inside hooks and tests.
 */
export function projectionTestDatabase(
  open: () => Promise<ReadModelTestDatabase>,
  projection: Projection,
): { readonly database: SqlDatabase } {
  let target: ReadModelTestDatabase | undefined;
  const database = () => {
    if (!target) throw new Error(`the test database of ${projection.name} is not open: use it inside hooks and tests`);
    return target.database;
  };
  beforeAll(async () => {
    target = await open();
    await prepareProjections(target.database, [projection]);
  });
  afterAll(async () => target?.dispose());
  beforeEach(async () => {
    const tables = projection.tables.map((table) => physicalTable(table.name, 1));
    await database().exec(`truncate ${tables.join(', ')}`);
  });
  return {
    get database() {
      return database();
    },
  };
}
