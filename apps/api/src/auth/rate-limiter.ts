import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';
import type { SqlDatabase } from '#database';

export const RATE_LIMITER = Symbol('RATE_LIMITER');
/** Table of the shared limiter, beside the read models (in DATABASE_SCHEMA when set). */
export const RATE_LIMIT_TABLE = 'api_rate_limits';

/**
 * The per-caller limiter. Replicas of the API must count one caller's requests together, or N
 * replicas would allow N times the limit: with read models in PostgreSQL the counters live there
 * (rate-limiter-flexible's PostgreSQL store, one upsert per request); the embedded default has one
 * process and counts in memory. Should PostgreSQL fail, each replica falls back to its own memory
 * counter rather than refusing every request.
 */
export async function createRateLimiter(database: SqlDatabase, pointsPerMinute: number): Promise<RateLimiterAbstract> {
  const options = { points: pointsPerMinute, duration: 60 };
  if (database.dialect !== 'postgres') return new RateLimiterMemory(options);
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      {
        ...options,
        storeClient: poolOf(database),
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        clearExpiredByTimeout: true,
        insuranceLimiter: new RateLimiterMemory(options),
      },
      (error?: unknown) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(limiter),
    );
  });
}

/** The `pg.Pool` surface the store uses (`query({ text, values, name })`), over the platform's database. */
function poolOf(database: SqlDatabase) {
  return {
    query: async (query: { text: string; values?: unknown[] }) => ({
      rows: await database.query(query.text, query.values ?? []),
    }),
  };
}
