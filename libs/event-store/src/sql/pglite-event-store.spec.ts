import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { someEvents, uniqueStream } from '../contract/fixtures.js';
import { openPgliteEventStore } from './factory.js';

eventStoreContract('PGlite (in memory)', async () => {
  const store = await openPgliteEventStore();
  return { store, dispose: () => store.close() };
});

describe('PGlite on disk', () => {
  it('keeps every event across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'es-pglite-'));
    try {
      const streamId = uniqueStream();
      const first = await openPgliteEventStore(dataDir);
      const written = await first.append(streamId, someEvents(3), 'no_stream');
      await first.close();

      const reopened = await openPgliteEventStore(dataDir);
      const events = await reopened.readStream(streamId);
      expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(await reopened.lastPosition()).toEqual(written.position);
      const next = await reopened.append(streamId, someEvents(1), 2n);
      expect(next.firstRevision).toBe(3n);
      await reopened.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
