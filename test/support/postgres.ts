export * from '#database/testing';

/**
 * The pool size every process a test starts on the run's PostgreSQL gets (DATABASE_POOL_SIZE):
 * both jest workers' APIs, projectors and specs share one server and its 100 connections, and a
 * process left at the default pools would have it refuse "too many clients" in a busy moment.
 */
export const TEST_POOL = { DATABASE_POOL_SIZE: '5' } as const;
