import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import { startApi, type RunningApi } from './api-process.js';

export interface SuiteApiOptions {
  /** More environment for the API (its DATA_DIR is the suite's own). */
  readonly env?: Record<string, string>;
  /** What the tests need written first, e.g. their project launched; runs once the API serves. */
  readonly setUp?: (api: RunningApi) => Promise<void>;
  /**
   * How the API boots, given its environment when the block is declared: by default it starts in
   * the block's first hook; limits.e2e-spec boots all of its APIs at once.
   */
  readonly boot?: (env: Record<string, string>) => () => Promise<RunningApi>;
  /** How long the block's first hook may take (boot and set-up), when longer than a test's. */
  readonly timeout?: number;
}

/**
 * The API the tests of one describe block share: started on a fresh data directory (named after
 * `name`) before them, stopped and its directory removed after them. Call it inside the describe
 * block; what it returns stands for the running API from the block's first hook on.
 */
export function suiteApi(name: string, options: SuiteApiOptions = {}): RunningApi & { readonly dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const boot = options.boot ?? ((env) => () => startApi(env));
  const started = boot({ ...options.env, DATA_DIR: dataDir });
  let running: RunningApi | undefined;
  beforeAll(async () => {
    running = await started();
    await options.setUp?.(running);
  }, options.timeout);
  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
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
