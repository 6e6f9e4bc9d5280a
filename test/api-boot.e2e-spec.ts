import { ADMIN } from './support/auth.js';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openPgliteEventStore, someEventsForE2e } from './support/events.js';
import { bootFailure, freePort, startApi, type RunningApi } from './support/api-process.js';
import { runSeed } from './support/seed.js';

const dataDir = mkdtempSync(join(tmpdir(), 'api-boot-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const STATUS = '{ __typename eventStore { kind lastPosition streamCount } }';

describe('npm start on the embedded default', () => {
  /** The API restarted on the data directory: the refusals below need a process that holds it. */
  let running: RunningApi | undefined;
  afterAll(async () => {
    await running?.stop();
  });

  it('serves GraphQL and keeps every event across a restart', async () => {
    // A first start on an empty DATA_DIR: the API runs initdb itself, as on a user's first `npm start`.
    const first = await startApi({ DATA_DIR: dataDir }, { initdb: true });
    const empty = await first.graphql(STATUS, undefined, ADMIN);
    expect(empty).toEqual({
      data: { __typename: 'Query', eventStore: { kind: 'pglite', lastPosition: null, streamCount: 0 } },
    });
    expect(await first.stop()).toEqual({ code: null, signal: 'SIGTERM' });

    // Write through the store while the API is down (PGlite allows one process at a time).
    const store = await openPgliteEventStore(dataDir);
    const written = await store.append('project-e2e', someEventsForE2e(3), 'no_stream');
    await store.close();

    const second = await startApi({ DATA_DIR: dataDir });
    running = second;
    const after = await second.graphql<{ eventStore: { lastPosition: string; streamCount: number } }>(
      STATUS,
      undefined,
      ADMIN,
    );
    expect(after.data?.eventStore).toEqual({
      kind: 'pglite',
      lastPosition: `${written.position.commit}-${written.position.prepare}`,
      streamCount: 1,
    });
  });

  it('refuses to boot on a bad variable with one line naming it', async () => {
    const { code, output } = await bootFailure({ DATA_DIR: dataDir, PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Configuration error: PORT must be an integer from 1 to 65535 (got "eighty")');
  });

  it('refuses a second process on the same data directory with one line, before it touches anything', async () => {
    const running = serving();
    const before = await running.graphql(STATUS, undefined, ADMIN);
    const files = readdirSync(join(dataDir, 'pglite')).sort();
    const inUse =
      `Data directory ${dataDir} is in use by process ${running.process.pid}; stop it first ` +
      '(PGlite lets one process at a time open a data directory), or use another DATA_DIR.';

    const second = await bootFailure({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(second).toEqual({ code: 1, output: `${inUse}\n` });
    const seed = await runSeed({ DATA_DIR: dataDir }, ['--months', '4']);
    expect(seed).toEqual({ code: 1, output: `${inUse}\n` });

    // The first process still serves the same store, its projections untouched.
    expect(await running.graphql(STATUS, undefined, ADMIN)).toEqual(before);
    const projections = await running.graphql<{ projections: { name: string; state: string }[] }>(
      '{ projections { name state } }',
      undefined,
      ADMIN,
    );
    expect(projections.data?.projections.every((p) => p.state === 'running')).toBe(true);
    expect(readdirSync(join(dataDir, 'pglite')).sort()).toEqual(files);
  });

  it('refuses a port already in use with one line, before it creates its data directory', async () => {
    const running = serving();
    const otherDir = join(tmpdir(), `api-boot-unused-${process.pid}`);
    const port = new URL(running.url).port;
    const { code, output } = await bootFailure({ DATA_DIR: otherDir, PORT: port });
    expect({ code, output }).toEqual({
      code: 1,
      output: `Port ${port} on 127.0.0.1 is already in use by another process; stop it, or set PORT to a free port.\n`,
    });
    expect(existsSync(otherDir)).toBe(false);
  });

  it('stops the restarted API on SIGTERM through its shutdown hooks', async () => {
    const restarted = serving();
    running = undefined;
    expect(await restarted.stop()).toEqual({ code: null, signal: 'SIGTERM' });
  });

  function serving(): RunningApi {
    if (!running || running.process.exitCode !== null) throw new Error('the restarted API is not running');
    return running;
  }
});
