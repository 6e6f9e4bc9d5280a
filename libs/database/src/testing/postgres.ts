import { randomBytes } from 'node:crypto';

/**
 * The PostgreSQL server tests run against. CI always sets DATABASE_URL, and a test that
 * cannot reach it fails rather than skips; without it, PostgreSQL runs are skipped visibly.
 */
export function postgresTestUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** A schema name private to one test suite, so suites can run in parallel on one database. */
export function uniqueSchema(prefix: string): string {
  return `t_${prefix}_${randomBytes(5).toString('hex')}`;
}
