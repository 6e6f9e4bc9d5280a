import { openTestDatabase, testDatabases, type TestDatabase } from '#database/testing';

/** A database a read-model spec runs on, and how to get rid of it afterwards. */
export type ReadModelTestDatabase = TestDatabase;

export { openPgliteTestDatabase, openPostgresTestDatabase } from '#database/testing';

/**
 * Where a read-model spec runs unless it asks for an engine: the PostgreSQL server of DATABASE_URL
 * when there is one (CI), in a schema of its own, else an in-memory PGlite. PostgreSQL runs the
 * projections' SQL natively, PGlite as WebAssembly in the test's own thread, several times slower;
 * what must hold on both engines says so with `readModelTestDatabases`, and the embedded default
 * keeps its own suites (the event-store contract, the end-to-end tests on DATA_DIR).
 */
export function openReadModelTestDatabase(): Promise<ReadModelTestDatabase> {
  return openTestDatabase('rm');
}

/**
 * Where a spec that must hold on both engines runs: PostgreSQL when DATABASE_URL is set (CI always
 * sets it), in a schema named after `prefix`, and PGlite always. For `describe.each`.
 */
export const readModelTestDatabases = testDatabases;
