import { ADMIN } from './support/auth.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openPgliteEventStore, someEventsForE2e } from './support/events.js';
import { bootFailure, startApi } from './support/api-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'api-boot-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const STATUS = '{ __typename eventStore { kind lastPosition streamCount } }';

describe('npm start on the embedded default', () => {
  it('serves GraphQL and keeps every event across a restart', async () => {
    const first = await startApi({ DATA_DIR: dataDir });
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
    expect(await second.stop()).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('refuses to boot on a bad variable with one line naming it', async () => {
    const { code, output } = await bootFailure({ DATA_DIR: dataDir, PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Configuration error: PORT must be an integer from 1 to 65535 (got "eighty")');
  });
});
