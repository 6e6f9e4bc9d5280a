import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { PgDatabase, PgliteDatabase, type SqlDatabase } from '#database';
import { SqlEventStore, type EventStore, type NewEvent } from '#event-store';
import { postgresTestUrl, uniqueSchema } from '#database/testing';
import { ProjectionAdmin } from './admin.js';
import { ProjectionEngine, waitForPosition } from './engine.js';
import { projectionStatuses } from './status.js';
import { countingProjection } from './testing/counting-projection.js';

function event(type: string, data: Record<string, string | number | boolean> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    occurredAt: new Date(),
    metadata: { actor: { id: 'tester', role: 'admin' }, correlationId: randomUUID() },
  };
}

async function eventually<T>(read: () => Promise<T>, until: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (until(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `Timed out; last value ${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface Harness {
  database: SqlDatabase;
  store: EventStore;
  /** A second connection to the same database, as another process would have (PostgreSQL only). */
  second?: () => Promise<SqlDatabase>;
  dispose(): Promise<void>;
}

const targets: Array<[string, () => Promise<Harness>]> = [
  [
    'PGlite',
    async () => {
      const database = await PgliteDatabase.open();
      const store = await SqlEventStore.open(database, { ownsDatabase: false });
      return { database, store, dispose: () => database.close() };
    },
  ],
];
const url = postgresTestUrl();
if (url) {
  targets.push([
    'PostgreSQL',
    async () => {
      const schema = uniqueSchema('proj');
      const database = await PgDatabase.open({ connectionString: url, schema });
      const store = await SqlEventStore.open(database, { ownsDatabase: false });
      return {
        database,
        store,
        second: () => PgDatabase.open({ connectionString: url, schema }),
        dispose: async () => {
          await database.dropSchema();
          await database.close();
        },
      };
    },
  ]);
}

describe.each(targets)('projection engine on %s', (_name, open) => {
  let harness: Harness;
  let engines: ProjectionEngine[];
  const counts = (table = 'alpha_counts') =>
    harness.database.query<{ stream_id: string; events: number }>(
      `select stream_id, events from ${table} order by stream_id`,
    );
  const start = async (
    projections = [countingProjection('alpha', ['A', 'B']), countingProjection('beta', ['A'])],
    database?: SqlDatabase,
  ) => {
    const engine = new ProjectionEngine({
      projections,
      database: database ?? harness.database,
      store: harness.store,
      batchSize: 50,
      reconcileIntervalMs: 100,
    });
    engines.push(engine);
    await engine.start();
    return engine;
  };

  beforeEach(async () => {
    harness = await open();
    engines = [];
  });
  afterEach(async () => {
    for (const engine of engines) await engine.stop();
    await harness.dispose();
  });

  it('catches up from zero, then follows live, committing read models with the checkpoint', async () => {
    await harness.store.append('s-1', [event('A'), event('B'), event('C')], 'no_stream');
    await harness.store.append(
      's-2',
      Array.from({ length: 120 }, () => event('A')),
      'no_stream',
    );
    await start();
    expect(await eventually(counts, (rows) => rows.length === 2 && rows[1]!.events === 120)).toEqual([
      { stream_id: 's-1', events: 2 },
      { stream_id: 's-2', events: 120 },
    ]);
    const written = await harness.store.append('s-1', [event('B')], 2n);
    expect(await waitForPosition(harness.database, written.position, { timeoutMs: 10_000 })).toBe(true);
    expect((await counts())[0]).toEqual({ stream_id: 's-1', events: 3 });
    const [alpha] = await projectionStatuses(harness.database, harness.store, [
      countingProjection('alpha', ['A', 'B']),
    ]);
    expect(alpha).toMatchObject({ name: 'alpha', state: 'running', lagEvents: 0, eventsProcessed: 123 });
  });

  it('stops a projection at a poison event, keeps the others running, and retries or skips it', async () => {
    const alpha = countingProjection('alpha', ['A', 'B']);
    const beta = countingProjection('beta', ['A']);
    await harness.store.append('s-1', [event('A'), event('A'), event('B', { poison: true }), event('A')], 'no_stream');
    await start([alpha, beta]);
    const admin = new ProjectionAdmin(harness.database, [alpha, beta]);

    const failed = await eventually(
      () => projectionStatuses(harness.database, harness.store, [alpha, beta]),
      (statuses) => statuses[0]?.state === 'failed' && statuses[1]?.lagEvents === 0,
    );
    expect(failed[0]!.failure).toMatchObject({ eventType: 'B', error: expect.stringContaining('poison') });
    expect(failed[0]!.lagEvents).toBe(2);
    expect(await counts()).toEqual([{ stream_id: 's-1', events: 2 }]);
    expect(await counts('beta_counts')).toEqual([{ stream_id: 's-1', events: 3 }]);

    // Retrying meets the same poison: still failed, nothing double-counted.
    await admin.retry('alpha');
    await eventually(
      () => projectionStatuses(harness.database, harness.store, [alpha]),
      (statuses) => statuses[0]?.state === 'failed' && statuses[0].updatedAt.getTime() > failed[0]!.updatedAt.getTime(),
    );
    expect(await counts()).toEqual([{ stream_id: 's-1', events: 2 }]);

    const skipped = await admin.skip('alpha', 'admin-1');
    expect(skipped.eventId).toBe(failed[0]!.failure!.eventId);
    await eventually(counts, (rows) => rows[0]?.events === 3);
    const [letter] = await admin.deadLetters('alpha');
    expect(letter).toMatchObject({ event_id: skipped.eventId, event_type: 'B', skipped_by: 'admin-1' });
    const [after] = await projectionStatuses(harness.database, harness.store, [alpha]);
    expect(after).toMatchObject({ state: 'running', lagEvents: 0, failure: null });
  });

  it('reads the log once for the projections it starts together; one that fails holds nobody back', async () => {
    // 3 streams of 100 events in pages of 50: a catch-up of several pages for every projection.
    for (const stream of ['s-1', 's-2', 's-3']) {
      // The 12th event of s-2 is a poison only alpha reads (type C).
      const events = Array.from({ length: 100 }, (_, i) =>
        stream === 's-2' && i === 11 ? event('C', { poison: true }) : event(i % 2 === 0 ? 'A' : 'B'),
      );
      await harness.store.append(stream, events, 'no_stream');
    }
    let eventsRead = 0;
    const store = harness.store;
    const counting: EventStore = Object.assign(Object.create(store) as EventStore, {
      readAll: async (options: Parameters<EventStore['readAll']>[0]) => {
        const page = await store.readAll(options);
        eventsRead += page.events.length;
        return page;
      },
    });
    const alpha = countingProjection('alpha', ['A', 'B', 'C']);
    const beta = countingProjection('beta', ['A']);
    const gamma = countingProjection('gamma', ['B']);
    const engine = new ProjectionEngine({
      projections: [alpha, beta, gamma],
      database: harness.database,
      store: counting,
      batchSize: 50,
      reconcileIntervalMs: 60_000,
    });
    engines.push(engine);
    await engine.start();

    const statuses = await eventually(
      () => projectionStatuses(harness.database, harness.store, [alpha, beta, gamma]),
      (s) => s[0]?.state === 'failed' && s[1]?.state === 'running' && s[2]?.state === 'running',
    );
    // alpha stopped at the poison (the 12th event of s-2), with everything before it committed once.
    expect(statuses[0]!.failure).toMatchObject({ eventType: 'C', error: expect.stringContaining('poison') });
    expect(await counts()).toEqual([
      { stream_id: 's-1', events: 100 },
      { stream_id: 's-2', events: 11 },
    ]);
    // The others read on past it to the head, exactly once each.
    const perStream = (...events: number[]) =>
      ['s-1', 's-2', 's-3'].map((stream_id, i) => ({ stream_id, events: events[i] }));
    expect(await counts('beta_counts')).toEqual(perStream(50, 50, 50));
    expect(await counts('gamma_counts')).toEqual(perStream(50, 49, 50));
    // One shared reading of the 300 events (not one per projection), then each follows live alone.
    expect(eventsRead).toBe(300);

    const written = await harness.store.append('s-4', [event('A'), event('B')], 'no_stream');
    expect(
      await waitForPosition(harness.database, written.position, { timeoutMs: 10_000, projections: ['beta', 'gamma'] }),
    ).toBe(true);
    expect((await counts('beta_counts')).at(-1)).toEqual({ stream_id: 's-4', events: 1 });
    expect((await counts('gamma_counts')).at(-1)).toEqual({ stream_id: 's-4', events: 1 });
    expect(await counts()).toHaveLength(2);
  });

  it('pauses and resumes', async () => {
    const alpha = countingProjection('alpha', ['A', 'B']);
    await start([alpha]);
    const admin = new ProjectionAdmin(harness.database, [alpha]);
    await admin.pause('alpha');
    await eventually(
      () => projectionStatuses(harness.database, harness.store, [alpha]),
      (s) => s[0]?.state === 'paused',
    );
    await harness.store.append('s-9', [event('A'), event('A')], 'no_stream');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await counts()).toEqual([]);
    await admin.resume('alpha');
    expect(await eventually(counts, (rows) => rows[0]?.events === 2)).toEqual([{ stream_id: 's-9', events: 2 }]);
  });

  it('rebuilds into a new generation while the old one serves, then swaps atomically', async () => {
    const alpha = countingProjection('alpha', ['A', 'B']);
    for (let i = 0; i < 10; i++)
      await harness.store.append(
        `s-${i}`,
        Array.from({ length: 30 }, () => event('A')),
        'no_stream',
      );
    await start([alpha]);
    await eventually(counts, (rows) => rows.length === 10 && rows.every((row) => row.events === 30));

    const admin = new ProjectionAdmin(harness.database, [alpha]);
    const { generation } = await admin.rebuild('alpha');
    expect(generation).toBe(2);
    // Queries keep reading complete data throughout the rebuild.
    const seen = new Set<number>();
    const statuses = await eventually(
      async () => {
        const rows = await counts();
        seen.add(rows.reduce((sum, row) => sum + row.events, 0));
        return projectionStatuses(harness.database, harness.store, [alpha]);
      },
      (s) => s[0]?.generation === 2 && s[0].rebuild === null,
    );
    expect([...seen]).toEqual([300]);
    expect(statuses[0]).toMatchObject({ generation: 2, state: 'running', eventsProcessed: 300 });
    // The old generation's tables go once the swap has committed (the status may show the swap first).
    const tables = await eventually(
      () =>
        harness.database.query<{ name: string }>(
          `select table_name as name from information_schema.tables where table_name like 'alpha_counts__g%' and table_schema = current_schema()`,
        ),
      (rows) => rows.length === 1,
    );
    expect(tables.map((t) => t.name)).toEqual(['alpha_counts__g2']);
  });

  it('refuses a second rebuild while one is in progress', async () => {
    const alpha = countingProjection('alpha', ['A']);
    // No engine runs here, so the first rebuild stays in progress.
    const { prepareProjections } = await import('./engine.js');
    await prepareProjections(harness.database, [alpha]);
    const admin = new ProjectionAdmin(harness.database, [alpha]);
    expect(await admin.rebuild('alpha')).toEqual({ generation: 2 });
    await expect(admin.rebuild('alpha')).rejects.toMatchObject({ category: 'conflict', reason: 'REBUILD_IN_PROGRESS' });
  });

  it('rebuilds by itself when a new version of a projection is deployed', async () => {
    await harness.store.append('s-1', [event('A'), event('A')], 'no_stream');
    const first = await start([countingProjection('alpha', ['A'])]);
    await eventually(counts, (rows) => rows[0]?.events === 2);
    await first.stop();
    await start([countingProjection('alpha', ['A', 'B'], 2)]);
    await harness.store.append('s-1', [event('B')], 1n);
    const [status] = await eventually(
      () => projectionStatuses(harness.database, harness.store, [countingProjection('alpha', ['A', 'B'], 2)]),
      (s) => s[0]?.version === 2 && s[0].lagEvents === 0,
    );
    expect(status).toMatchObject({ generation: 2, version: 2 });
    expect(await counts()).toEqual([{ stream_id: 's-1', events: 3 }]);
  });

  it('runs each projection in one engine only, and another takes over when it dies', async () => {
    await harness.store.append('s-1', [event('A')], 'no_stream');
    // On PostgreSQL the second engine has its own connections, as another process would; PGlite
    // is one process per data directory, so there the two engines share it and its in-process lease.
    const otherDatabase = harness.second ? await harness.second() : harness.database;
    const first = await start();
    const second = await start(undefined, otherDatabase);
    expect(first.holdsLease('alpha')).toBe(true);
    expect(second.holdsLease('alpha')).toBe(false);
    expect(second.localRunners()).toHaveLength(0);
    await eventually(counts, (rows) => rows[0]?.events === 1);

    // The holder dies: its sessions end, the advisory locks go with them.
    await first.stop();
    await eventually(
      async () => second.holdsLease('alpha'),
      (held) => held,
    );
    await harness.store.append('s-1', [event('A')], 0n);
    expect(await eventually(counts, (rows) => rows[0]?.events === 2)).toEqual([{ stream_id: 's-1', events: 2 }]);
    await second.stop();
    if (otherDatabase !== harness.database) await otherDatabase.close();
  });
});
