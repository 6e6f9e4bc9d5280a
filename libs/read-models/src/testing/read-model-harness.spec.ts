import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACTIVITY_EVENT_TYPES, PROJECT_EVENT_TYPES } from '#domain';
import type { Projection } from '#projections';
import { fact } from './history-events.js';
import { pilot } from './pilot-history.js';
import { ReadModelHarness } from './read-model-harness.js';
import { readModelTestDatabases } from './read-model-databases.js';

/** Records each activity and project event it is given, once. */
const probe: Projection = {
  name: 'harness-probe',
  version: 1,
  eventTypes: [...ACTIVITY_EVENT_TYPES, ...PROJECT_EVENT_TYPES],
  tables: [
    {
      name: 'rm_harness_probe',
      create: (table) =>
        `create table ${table} (event_id uuid primary key, type text not null, schema_version int not null)`,
    },
  ],
  async apply(events, { tx, table }) {
    for (const event of events) {
      await tx.query(
        `insert into ${table('rm_harness_probe')} (event_id, type, schema_version) values ($1, $2, $3) on conflict do nothing`,
        [event.id, event.type, event.schemaVersion],
      );
    }
  },
};

const p = pilot('harness-p');
const HISTORY = [
  p.launch('2024-12-20'),
  p.schedule('A1', 'peer_meeting', '2025-01-02'),
  fact('CarerRegistered', { projectId: 'harness-p', carerId: 'c1' }, '2025-01-03'),
  p.cancelled('A1', '2025-01-04T09:30:00Z'),
];

describe.each(readModelTestDatabases('harness'))('the read-model test harness on %s', (_name, database) => {
  let harness: ReadModelHarness;
  let copy: ReadModelHarness | undefined;
  const open = () => ReadModelHarness.open({ projections: [probe], database, batchSize: 2 });
  const rows = (on: ReadModelHarness) =>
    on.database.query<{ event_id: string; type: string; schema_version: number }>(
      'select event_id, type, schema_version from rm_harness_probe order by event_id',
    );

  beforeAll(async () => {
    harness = await open();
    await harness.append(HISTORY);
    await harness.project();
  });
  afterAll(async () => {
    await harness?.close();
    await copy?.close();
  });

  it('records a history and runs the projections over it until they caught up', async () => {
    const log = await harness.log();
    expect(log.map((event) => event.id)).toEqual(HISTORY.map(({ event }) => event.id));
    expect(log.map((event) => event.occurredAt.toISOString())).toEqual([
      '2024-12-20T12:00:00.000Z',
      '2025-01-02T12:00:00.000Z',
      '2025-01-03T12:00:00.000Z',
      '2025-01-04T09:30:00.000Z',
    ]);
    // The cancellation is written at its current schema version; a carer's registration is not subscribed to.
    expect((await rows(harness)).map((row) => [row.type, Number(row.schema_version)]).sort()).toEqual([
      ['ActivityCancelled', 2],
      ['ActivityScheduled', 1],
      ['ProjectLaunched', 1],
    ]);
  });

  it('applies the whole log again in one batch as the engine would: nothing is written twice', async () => {
    const before = await rows(harness);
    await harness.applyBatch(probe, await harness.log());
    expect(await rows(harness)).toEqual(before);
  });

  it('copies a recorded log into another store, keeping ids and dates', async () => {
    const log = await harness.log();
    copy = await open();
    await copy.copy(log.slice(0, 2));
    await copy.project();
    const copied = await copy.log();
    expect(copied.map((event) => [event.id, event.occurredAt])).toEqual(
      log.slice(0, 2).map((event) => [event.id, event.occurredAt]),
    );
    expect(await rows(copy)).toHaveLength(2);
  });
});
