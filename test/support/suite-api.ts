import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import { postgresTestUrl, TEST_POOL, uniqueSchema } from './postgres.js';
import { startApi, type RunningApi } from './api-process.js';
import { runSeed } from './seed.js';
import { PgDatabase } from '#database';

export interface SuiteApiOptions {
  /** More environment for the API (its DATA_DIR is the suite's own). */
  readonly env?: Record<string, string>;
  /**
   * Flags of the built demo seed (`npm run seed:demo`) to run into the suite's store before the API
   * starts (PGlite allows one process at a time), e.g. `['--projects', '1']`.
   */
  readonly seed?: readonly string[];
  /** What the tests need written first, e.g. their project launched; runs once the API serves. */
  readonly setUp?: (api: RunningApi) => Promise<void>;
  /**
   * How the API boots, given its environment when the block is declared: by default it starts in
   * the block's first hook; limits.e2e-spec boots all of its APIs at once.
   */
  readonly boot?: (env: Record<string, string>) => () => Promise<RunningApi>;
  /** How long the block's first hook may take (boot and set-up), when longer than a test's. */
  readonly timeout?: number;
  /**
   * Keep the API on the embedded default (PGlite under its DATA_DIR) even when the run has a
   * PostgreSQL server: for suites about the embedded store itself.
   */
  readonly embedded?: boolean;
}

/**
 * Where the suite's API keeps its events and read models. When the run has a PostgreSQL server
 * (DATABASE_URL, as in CI) and the suite is not about the embedded store: that server, in a schema
 * of the suite's own, dropped after it. PostgreSQL answers the API's queries natively, where
 * PGlite would run them as WebAssembly inside the API's one thread; the embedded default stays
 * covered by the suites that opt out, the README demo, the dashboard's browser tests and the
 * seed's. Without a server, every suite runs on the embedded default.
 */
export function suiteStore(
  name: string,
  options: Pick<SuiteApiOptions, 'embedded' | 'env'> = {},
): { env: Record<string, string>; drop(): Promise<void> } {
  const url = postgresTestUrl();
  if (!url || options.embedded || options.env?.EVENT_STORE) return { env: {}, drop: async () => {} };
  const schema = uniqueSchema(name.replace(/[^a-z0-9]/g, '_'));
  return {
    // Small pools: the APIs of both jest workers and the specs' databases share one server.
    env: { EVENT_STORE: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: schema, ...TEST_POOL },
    drop: () => PgDatabase.dropSchemaAt(url, schema),
  };
}

/**
 * The API the tests of one describe block share: started on a fresh data directory (named after
 * `name`) before them, stopped and its directory removed after them. Call it inside the describe
 * block; what it returns stands for the running API from the block's first hook on.
 */
export function suiteApi(name: string, options: SuiteApiOptions = {}): RunningApi & { readonly dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const boot = options.boot ?? ((env) => () => startApi(env));
  const store = suiteStore(name, options);
  const env = { ...store.env, ...options.env, DATA_DIR: dataDir };
  const started = boot(env);
  let running: RunningApi | undefined;
  beforeAll(async () => {
    if (options.seed) {
      const seeded = await runSeed(env, [...options.seed]);
      if (seeded.code !== 0) throw new Error(`the seed of "${name}" failed:\n${seeded.output}`);
    }
    running = await started();
    await options.setUp?.(running);
  }, options.timeout);
  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await store.drop();
  });
  const api = (): RunningApi => {
    if (!running) throw new Error(`the API of "${name}" is not running: use it inside hooks and tests`);
    return running;
  };
  return {
    dataDir,
    get url() {
      return api().url;
    },
    get process() {
      return api().process;
    },
    graphql: (query, variables, headers) => api().graphql(query, variables, headers),
    stop: (signal) => api().stop(signal),
  };
}
