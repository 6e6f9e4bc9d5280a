import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('defaults to the embedded store in ./data on 127.0.0.1:3000', () => {
    expect(loadConfig({})).toEqual({
      environment: 'development',
      eventStore: { kind: 'pglite', dataDir: './data' },
      readModels: { kind: 'pglite', dataDir: './data' },
      dataDir: './data',
      http: { host: '127.0.0.1', port: 3000 },
      projectorHealthPort: 3001,
      logLevel: 'info',
      projector: 'inline',
      projectorBatchSize: 500,
      projectorCatchUpBatchSize: 5000,
      projectorLiveLingerMs: 25,
      heapGrowingPercent: 0,
      auth: { issuer: 'coproduction-platform', audience: 'coproduction-api', tokenTtlSeconds: 900 },
      smallGroupMinCarers: 5,
      readResultsKept: 1000,
      eventLogHoldLimitSeconds: 30,
      limits: {
        maxDepth: 12,
        maxComplexity: 5000,
        maxAliases: 20,
        bodyLimitBytes: 102400,
        operationTimeoutMs: 30000,
        ratePerMinute: 600,
        introspection: true,
        landingPage: true,
      },
    });
  });

  it('turns introspection and the landing page off in production unless configured on', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).limits).toMatchObject({
      introspection: false,
      landingPage: false,
    });
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, GRAPHQL_INTROSPECTION: 'true' }).limits.introspection,
    ).toBe(true);
  });

  it('reads a PostgreSQL deployment', () => {
    const config = loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@db:5432/app', PORT: '8080' });
    expect(config.eventStore).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/app' });
    expect(config.readModels).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/app' });
    expect(config.http.port).toBe(8080);
  });

  it('keeps read models in PostgreSQL when events live in KurrentDB', () => {
    const config = loadConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_CONNECTION_STRING: 'kurrentdb://kurrentdb:2113?tls=false',
      DATABASE_URL: 'postgres://u@db/app',
    });
    expect(config.eventStore).toEqual({ kind: 'kurrentdb', connectionString: 'kurrentdb://kurrentdb:2113?tls=false' });
    expect(config.readModels).toEqual({ kind: 'postgres', url: 'postgres://u@db/app' });
  });

  it('reads HEAP_GROWING_PERCENT, 0 (the default) leaving the heap to V8', () => {
    expect(loadConfig({ HEAP_GROWING_PERCENT: '30' }).heapGrowingPercent).toBe(30);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '300' }).heapGrowingPercent).toBe(300);
  });

  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT must be an integer from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'Configuration error: PORT must be an integer from 1 to 65535 (got "70000")'],
    [
      { EVENT_STORE: 'mysql' },
      'Configuration error: EVENT_STORE must be one of pglite, postgres, kurrentdb (got "mysql")',
    ],
    [{ EVENT_STORE: 'postgres' }, 'Configuration error: DATABASE_URL is required when EVENT_STORE=postgres'],
    [
      { EVENT_STORE: 'kurrentdb' },
      'Configuration error: KURRENTDB_CONNECTION_STRING is required when EVENT_STORE=kurrentdb',
    ],
    [
      { DATABASE_URL: 'mysql://x' },
      'Configuration error: DATABASE_URL must be a postgres:// connection URL (got "mysql://x")',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [{ NODE_ENV: 'production' }, expect.stringContaining('JWT_SECRET is required in production')],
    [{ JWT_SECRET: 'short' }, 'Configuration error: JWT_SECRET must be at least 32 characters (HS256 signing secret)'],
    [{ GRAPHQL_MAX_DEPTH: '1' }, 'Configuration error: GRAPHQL_MAX_DEPTH must be an integer from 2 to 50 (got "1")'],
    [
      { HEAP_GROWING_PERCENT: '301' },
      'Configuration error: HEAP_GROWING_PERCENT must be an integer from 0 to 300 (got "301")',
    ],
    [
      { HEAP_GROWING_PERCENT: '12.5' },
      'Configuration error: HEAP_GROWING_PERCENT must be an integer from 0 to 300 (got "12.5")',
    ],
    [{ GRAPHQL_INTROSPECTION: 'yes' }, 'Configuration error: GRAPHQL_INTROSPECTION must be true or false (got "yes")'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(failure(env)).toEqual(message);
  });
});
