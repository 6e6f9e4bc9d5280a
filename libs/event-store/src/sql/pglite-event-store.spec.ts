import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { withEmptyCluster } from '#database/testing';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { someEvents, uniqueStream } from '../contract/fixtures.js';
import { openPgliteEventStore } from './factory.js';
import type { SqlEventStore } from './sql-event-store.js';

/** One in-memory store for the contract and the global-log case below: each uses streams of its own. */
let inMemory: Promise<SqlEventStore> | null = null;
const sharedStore = () => (inMemory ??= openPgliteEventStore());
afterAll(async () => {
  await (await inMemory)?.close();
});

eventStoreContract('PGlite (in memory)', async () => ({
  store: await sharedStore(),
  dispose: async () => undefined,
}));

describe('PGlite on disk', () => {
  it('keeps every event across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'es-pglite-'));
    try {
      // An empty cluster as initdb leaves it (#database/testing, data-dir.ts): what this case is about is
      // the restart. A first open that runs initdb on disk is what the API does on an empty
      // DATA_DIR, which test/api-boot.e2e-spec.ts covers.
      await withEmptyCluster(dataDir);
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

describe('PGlite global log', () => {
  it('is held back by nothing between appends, and dates the first event after a position', async () => {
    // The contract's store: this case's stream is its own, and nothing else appends meanwhile.
    const store = await sharedStore();
    const streamId = uniqueStream('lag');
    const first = await store.append(streamId, someEvents(1), 'no_stream');
    await store.append(streamId, someEvents(1), 0n);
    expect(await store.oldestAppendInFlight()).toBeNull();
    const [, second] = await store.readStream(streamId);
    expect(await store.firstRecordedAfter(first.position)).toEqual(second!.recordedAt);
    expect(await store.firstRecordedAfter(second!.position)).toBeNull();
    const page = await store.readAll({ after: first.position, limit: 10 });
    expect({ events: page.events.map((event) => event.id), heldBack: page.heldBack }).toEqual({
      events: [second!.id],
      heldBack: false,
    });
  });
});
