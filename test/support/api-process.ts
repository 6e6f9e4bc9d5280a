import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { captureOutput, runToExit } from './child-process.js';
import { ADMIN, DEV_ACTOR, TEST_JWT_SECRET, usualActorFor } from './auth.js';
import { usesEmbeddedStore, withEmptyCluster } from '#database/testing';

const MAIN = 'dist/apps/api/src/main.js';

export interface RunningApi {
  readonly url: string;
  readonly process: ChildProcess;
  /**
   * Sends as DEV_ACTOR (the home-care coordinator, or an admin for what providers may not do)
   * unless other headers are given; `{}` sends no token.
   */
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Stops the process and resolves with how it ended (Nest re-raises SIGTERM after its shutdown hooks). */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface StartOptions {
  /**
   * Let the API run initdb itself on an empty DATA_DIR, as a user's very first `npm start` does.
   * By default an empty DATA_DIR of the embedded default is given an empty, initialised PGlite
   * cluster first (#database/testing, data-dir.ts): the same start, minus seconds of initdb per test.
   */
  readonly initdb?: boolean;
}

/** Runs the built API (`npm run build` output) as a user would, and waits until it serves. */
export async function startApi(env: Record<string, string>, options: StartOptions = {}): Promise<RunningApi> {
  if (!options.initdb && usesEmbeddedStore(env)) await withEmptyCluster(env.DATA_DIR!);
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      JWT_SECRET: TEST_JWT_SECRET,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const written = captureOutput(child);
  const url = `http://127.0.0.1:${port}/graphql`;
  const graphql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = DEV_ACTOR,
  ) => {
    if (headers === DEV_ACTOR) headers = usualActorFor(query);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${written.output}`);
    try {
      const response = await graphql<{ __typename: string }>('{ __typename }', undefined, ADMIN);
      // Serving: it answers, with data or (an API with another secret) a typed refusal.
      if (response.data?.__typename === 'Query' || response.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API did not start in time:\n${written.output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    process: child,
    graphql,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null)
        return { code: child.exitCode, signal: child.signalCode };
      child.kill(signal);
      const [code, ended] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
      return { code, signal: ended };
    },
  };
}

/** Runs the built API expecting it to refuse to boot; returns its exit code and output. */
export async function bootFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { code, output } = await runToExit(process.execPath, [MAIN], { PATH: process.env.PATH ?? '', ...env });
  return { code, output };
}
