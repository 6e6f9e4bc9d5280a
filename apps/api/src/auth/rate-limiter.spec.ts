import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { PgDatabase, PgliteDatabase } from '#database';
import { postgresTestUrl, uniqueSchema } from '#database/testing';
import { createRateLimiter } from './rate-limiter.js';

async function outcome(limiter: RateLimiterAbstract, key: string): Promise<'allowed' | 'limited'> {
  try {
    await limiter.consume(key);
    return 'allowed';
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return 'limited';
    throw rejection;
  }
}

describe('rate limiter on the embedded default', () => {
  it('counts in memory: one process serves PGlite', async () => {
    const database = await PgliteDatabase.open();
    try {
      expect(await createRateLimiter(database, 3)).toBeInstanceOf(RateLimiterMemory);
    } finally {
      await database.close();
    }
  });
});

const url = postgresTestUrl();
if (!url) {
  describe('rate limiter shared between API replicas on PostgreSQL', () => {
    it.skip('skipped: DATABASE_URL is not set, so there is no PostgreSQL server to run against', () => undefined);
  });
} else {
  describe('rate limiter shared between API replicas on PostgreSQL', () => {
    const schema = uniqueSchema('ratelimit');
    let replicaA: PgDatabase;
    let replicaB: PgDatabase;
    beforeAll(async () => {
      replicaA = await PgDatabase.open({ connectionString: url, schema });
      replicaB = await PgDatabase.open({ connectionString: url, schema });
    });
    afterAll(async () => {
      await replicaB.close();
      await replicaA.dropSchema();
      await replicaA.close();
    });

    it("counts one caller's requests together across replicas, and callers apart", async () => {
      const [a, b] = await Promise.all([createRateLimiter(replicaA, 3), createRateLimiter(replicaB, 3)]);
      expect([
        await outcome(a, 'org-1/alice'),
        await outcome(b, 'org-1/alice'),
        await outcome(a, 'org-1/alice'),
      ]).toEqual(['allowed', 'allowed', 'allowed']);
      expect(await outcome(b, 'org-1/alice')).toBe('limited');
      expect(await outcome(a, 'org-1/alice')).toBe('limited');
      expect(await outcome(b, 'org-1/bob')).toBe('allowed');
    });
  });
}
