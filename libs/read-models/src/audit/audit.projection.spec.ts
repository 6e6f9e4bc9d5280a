import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { SqlDatabase } from '#database';
import { SqlEventStore, type EventStore, type JsonObject, type NewEvent, type RecordedEvent } from '#event-store';
import { physicalTable, ProjectionEngine, projectionStatuses, runs, waitForPosition } from '#projections';
import { READ_MODEL_PROJECTIONS } from '../registry.js';
import { projectionTestCases, projectionTestDatabase } from '../testing/index.js';
import {
  AUDIT_ENTRIES_TABLE,
  AUDIT_PROJECTION,
  auditProjection,
  auditRecordOf,
  UNKNOWN_ACTOR,
} from './audit.projection.js';
import { applyAudit, auditTestDatabases, recorded, type AuditTestDatabase } from './testing/audit-testing.js';

/** What a carer's registration carries: an encrypted envelope and free text the audit must never hold. */
const ENVELOPE = {
  algorithm: 'aes-256-gcm',
  keyId: 'carer-key-secret-1',
  iv: 'SECRET-IV-AAAAAAAA',
  ciphertext: 'U0VDUkVULUNJUEhFUlRFWFQ=',
  authTag: 'SECRET-AUTH-TAG',
};
const FREE_TEXT = 'Mrs Example said she is exhausted and lives alone at 12 Mill Lane';
const SECRETS = [ENVELOPE.keyId, ENVELOPE.iv, ENVELOPE.ciphertext, ENVELOPE.authTag, FREE_TEXT, 'Mill Lane'];

const LAUNCH_COMMAND = '0b0f4c55-3a8e-4a53-9d0e-5c4c9f1d2a01';

/** Three events from three people: an admin without organisation, a provider, a researcher. */
function history(): RecordedEvent[] {
  return [
    recorded('ProgrammeLaunched', {
      position: { commit: 100n, prepare: 1n },
      actor: { id: 'admin-1', role: 'admin' },
      streamId: 'programme-prog-1',
      data: { programmeId: 'prog-1', name: 'Frail elderly at home' },
      occurredAt: '2025-01-05T09:00:00.000Z',
      recordedAt: '2025-01-05T09:00:01.000Z',
    }),
    recorded('ProjectLaunched', {
      position: { commit: 101n, prepare: 2n },
      actor: { id: 'provider-3', role: 'provider', organisationId: 'org-home-care' },
      projectId: 'project-1',
      territoryId: 'valley',
      commandId: LAUNCH_COMMAND,
      streamId: 'project-project-1',
      data: { projectId: 'project-1', name: 'Carers of the valley', territoryId: 'valley' },
      occurredAt: '2025-01-10T10:00:00.000Z',
      recordedAt: '2025-01-10T10:00:00.500Z',
    }),
    recorded('CarerRegistered', {
      position: { commit: 102n, prepare: 3n },
      actor: { id: 'provider-3', role: 'provider', organisationId: 'org-home-care' },
      projectId: 'project-1',
      streamId: 'carer-c-1',
      data: {
        carerId: 'c-1',
        projectId: 'project-1',
        pseudonym: 'Carer 1',
        area: FREE_TEXT,
        personalData: ENVELOPE,
      },
      // History entered after the fact: it happened in December, was recorded in January.
      occurredAt: '2024-12-20T15:30:00.000Z',
      recordedAt: '2025-01-11T08:00:00.000Z',
    }),
  ];
}

const CASES = projectionTestCases('audit');

type Row = Record<string, unknown>;

describe.each(CASES)('audit projection on %s, events applied %s', (_target, _mode, open, batches) => {
  const audit = projectionTestDatabase(open, auditProjection);

  const given = (...events: RecordedEvent[]) => applyAudit(audit.database, batches(events));
  const rows = () =>
    audit.database.query<Row>(
      `select event_id::text as event_id, pos_commit::text as pos_commit, pos_prepare::text as pos_prepare, event_type,
              stream_id, actor_id, actor_role, actor_organisation_id, project_id, territory_id, command_id,
              occurred_at, recorded_at
       from ${AUDIT_ENTRIES_TABLE} a order by a.pos_commit, a.pos_prepare`,
    );

  it('writes one row per event: who did what, when, in which project, from the type and the metadata', async () => {
    const events = history();
    await given(...events);
    expect(await rows()).toEqual([
      {
        event_id: events[0]!.id,
        pos_commit: '100',
        pos_prepare: '1',
        event_type: 'ProgrammeLaunched',
        stream_id: 'programme-prog-1',
        actor_id: 'admin-1',
        actor_role: 'admin',
        actor_organisation_id: null,
        project_id: null,
        territory_id: null,
        command_id: null,
        occurred_at: new Date('2025-01-05T09:00:00.000Z'),
        recorded_at: new Date('2025-01-05T09:00:01.000Z'),
      },
      {
        event_id: events[1]!.id,
        pos_commit: '101',
        pos_prepare: '2',
        event_type: 'ProjectLaunched',
        stream_id: 'project-project-1',
        actor_id: 'provider-3',
        actor_role: 'provider',
        actor_organisation_id: 'org-home-care',
        project_id: 'project-1',
        territory_id: 'valley',
        command_id: LAUNCH_COMMAND,
        occurred_at: new Date('2025-01-10T10:00:00.000Z'),
        recorded_at: new Date('2025-01-10T10:00:00.500Z'),
      },
      {
        event_id: events[2]!.id,
        pos_commit: '102',
        pos_prepare: '3',
        event_type: 'CarerRegistered',
        stream_id: 'carer-c-1',
        actor_id: 'provider-3',
        actor_role: 'provider',
        actor_organisation_id: 'org-home-care',
        project_id: 'project-1',
        territory_id: null,
        command_id: null,
        occurred_at: new Date('2024-12-20T15:30:00.000Z'),
        recorded_at: new Date('2025-01-11T08:00:00.000Z'),
      },
    ]);
  });

  it('takes the project from the metadata only, never from the data', async () => {
    // A command-side event always carries metadata.projectId when its data has one; an event
    // without it is not attributed to a project by peeking into its data.
    await given(
      recorded('DecisionTaken', { position: 1, data: { projectId: 'from-data', decisionId: 'd-1' } }),
      recorded('DecisionTaken', { position: 2, projectId: 'from-metadata', data: { projectId: 'from-data' } }),
    );
    expect((await rows()).map((row) => row.project_id)).toEqual([null, 'from-metadata']);
  });

  it('never copies event data: no column for it, and none of its values in any column', async () => {
    await given(...history());
    const columns = await audit.database.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = $1 and table_schema = current_schema()
       order by ordinal_position`,
      [physicalTable(AUDIT_ENTRIES_TABLE, 1)],
    );
    expect(columns.map((column) => column.column_name)).toEqual([
      'event_id',
      'pos_commit',
      'pos_prepare',
      'event_type',
      'stream_id',
      'actor_id',
      'actor_role',
      'actor_organisation_id',
      'project_id',
      'territory_id',
      'command_id',
      'occurred_at',
      'recorded_at',
    ]);
    const everything = (
      await audit.database.query<{ row: string }>(`select row_to_json(t)::text as row from ${AUDIT_ENTRIES_TABLE} t`)
    )
      .map((row) => row.row)
      .join('\n');
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('Carers of the valley');
    expect(everything).not.toContain('Carer 1');
  });

  it('reads malformed metadata defensively rather than stopping the projection', async () => {
    const odd = (metadata: unknown, position: number): RecordedEvent => ({
      ...recorded('SomethingOdd', { position }),
      metadata: metadata as RecordedEvent['metadata'],
    });
    await given(
      // An actor with no role, an organisation that is not a string, an empty project id.
      odd({ actor: { id: 'someone', organisationId: { nested: true } }, correlationId: 'c', projectId: '' }, 1),
      // A numeric actor id (a hand-written event), a numeric project id.
      odd({ actor: { id: 42, role: 'admin', organisationId: 7 }, correlationId: 'c', projectId: 9 }, 2),
      // No actor at all (the store refuses this; an imported log might not).
      odd({ correlationId: 'c' }, 3),
    );
    expect(
      (await rows()).map(({ actor_id, actor_role, actor_organisation_id, project_id }) => ({
        actor_id,
        actor_role,
        actor_organisation_id,
        project_id,
      })),
    ).toEqual([
      { actor_id: 'someone', actor_role: UNKNOWN_ACTOR, actor_organisation_id: null, project_id: null },
      { actor_id: '42', actor_role: 'admin', actor_organisation_id: '7', project_id: '9' },
      { actor_id: UNKNOWN_ACTOR, actor_role: UNKNOWN_ACTOR, actor_organisation_id: null, project_id: null },
    ]);
  });

  it('keeps positions beyond 2^53 exactly (KurrentDB positions are 64-bit)', async () => {
    const big = { commit: 18_446_744_073_709_551_615n, prepare: 18_446_744_073_709_551_614n };
    await given(recorded('ActivityHeld', { position: big }));
    expect(await rows()).toEqual([
      expect.objectContaining({ pos_commit: '18446744073709551615', pos_prepare: '18446744073709551614' }),
    ]);
  });

  it('never counts an event twice: a batch replayed whole, or overlapping the next, writes nothing again', async () => {
    const events = history();
    await given(...events);
    const once = await rows();
    // Replayed whole (a checkpoint that did not move), then overlapping (the last event again with a new one).
    await given(...events);
    const later = recorded('ActivityHeld', { position: { commit: 103n, prepare: 4n }, projectId: 'project-1' });
    await given(events[2]!, later);
    await given(events[2]!, later);
    const twice = await rows();
    expect(twice).toHaveLength(4);
    expect(twice.slice(0, 3)).toEqual(once);
    expect(new Set(twice.map((row) => row.event_id)).size).toBe(4);
    const [count] = await audit.database.query<{ n: number }>(`select count(*)::int as n from ${AUDIT_ENTRIES_TABLE}`);
    expect(count!.n).toBe(4);
  });
});

describe('audit projection registration', () => {
  it('is one of the projections the platform runs, and reads every event type (no filter)', () => {
    expect(READ_MODEL_PROJECTIONS).toContain(auditProjection);
    expect(auditProjection.name).toBe(AUDIT_PROJECTION);
    expect(auditProjection.eventTypes).toEqual([]);
    expect(auditProjection.tables.map((table) => table.name)).toEqual([AUDIT_ENTRIES_TABLE]);
  });

  it('maps an event without looking at its data', () => {
    const event = recorded('CarerRegistered', { position: 1, data: { personalData: ENVELOPE } });
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('the audit read event data');
        },
        ownKeys() {
          throw new Error('the audit read event data');
        },
      },
    );
    expect(() => auditRecordOf({ ...event, data: trap as JsonObject })).not.toThrow();
  });
});

function newEvent(type: string, options: { actorId?: string; projectId?: string; schemaVersion?: number } = {}) {
  const event: NewEvent = {
    id: randomUUID(),
    type,
    schemaVersion: options.schemaVersion ?? 1,
    data: { projectId: options.projectId ?? null, note: FREE_TEXT },
    occurredAt: new Date('2025-02-01T12:00:00.000Z'),
    metadata: {
      actor: { id: options.actorId ?? 'researcher-7', role: 'researcher', organisationId: 'org-university' },
      correlationId: randomUUID(),
      ...(options.projectId ? { projectId: options.projectId } : {}),
    },
  };
  return event;
}

describe.each(auditTestDatabases())('audit projection through the engine on %s', (_target, open) => {
  let target: AuditTestDatabase;
  let database: SqlDatabase;
  let store: EventStore;
  const engines: ProjectionEngine[] = [];

  beforeEach(async () => {
    target = await open();
    database = target.database;
    store = await SqlEventStore.open(database, { ownsDatabase: false });
  });
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
    await target?.dispose();
  });

  async function start(projection = auditProjection): Promise<ProjectionEngine> {
    const engine = new ProjectionEngine({
      projections: [projection],
      database,
      store,
      batchSize: 4,
      reconcileIntervalMs: 50,
    });
    engines.push(engine);
    await engine.start();
    return engine;
  }

  async function caughtUp(): Promise<void> {
    const last = await store.lastPosition();
    expect(
      last && (await waitForPosition(database, last, { timeoutMs: 20_000, projections: [AUDIT_PROJECTION] })),
    ).toBe(true);
  }

  const entries = () =>
    database.query<{ event_id: string; event_type: string; actor_id: string; project_id: string | null }>(
      `select event_id::text as event_id, event_type, actor_id, project_id from ${AUDIT_ENTRIES_TABLE}
       order by pos_commit, pos_prepare`,
    );

  it('audits every event type, resumes after its checkpoint without double counting, and rebuilds to the same rows', async () => {
    // Types no other projection reads, an old schema version (upcast on the way in), several per append.
    const first = [
      newEvent('ProjectLaunched', { projectId: 'p1', actorId: 'provider-3' }),
      newEvent('ActivityCancelled', { projectId: 'p1', schemaVersion: 1 }),
      newEvent('CarerPersonalDataErased', { projectId: 'p1' }),
      newEvent('SomethingNobodyProjects'),
      newEvent('ProgrammeLaunched', { actorId: 'admin-1' }),
    ];
    await store.append('project-p1', first.slice(0, 3), 'no_stream');
    await store.append('other-1', first.slice(3), 'no_stream');
    const engine = await start();
    await caughtUp();
    expect((await entries()).map((row) => row.event_id)).toEqual(first.map((event) => event.id));

    // Stopped and started again: it resumes after its checkpoint, writing only what is new.
    await engine.stop();
    const second = [newEvent('DecisionTaken', { projectId: 'p1' }), newEvent('DecisionRevised', { projectId: 'p1' })];
    await store.append('decision-d1', second, 'no_stream');
    await start();
    await caughtUp();
    const after = await entries();
    expect(after.map((row) => row.event_id)).toEqual([...first, ...second].map((event) => event.id));
    const [status] = await projectionStatuses(database, store, [auditProjection]);
    expect(status).toMatchObject({ name: AUDIT_PROJECTION, lagEvents: 0, eventsProcessed: 7 });

    // A new version deploys: generation 2 is built beside generation 1 from zero, then swapped in.
    for (const running of engines.splice(0)) await running.stop();
    await start({ ...auditProjection, version: 2 });
    const generation1Table = async () =>
      (
        await database.query<{ name: string | null }>(`select to_regclass($1)::text as name`, [
          physicalTable(AUDIT_ENTRIES_TABLE, 1),
        ])
      )[0]!.name;
    // The swap commits first, the old generation's tables are dropped in the next transaction.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const live = (await runs.all(database)).find(
        (run) => run.projection === AUDIT_PROJECTION && run.status === 'live',
      );
      if (live?.generation === 2 && (await generation1Table()) === null) break;
      if (Date.now() > deadline) throw new Error('the audit rebuild never went live and retired generation 1');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await entries()).toEqual(after);
    const [generation2] = await database.query<{ n: number }>(
      `select count(*)::int as n from ${physicalTable(AUDIT_ENTRIES_TABLE, 2)}`,
    );
    expect(generation2!.n).toBe(7);
    expect(await generation1Table()).toBeNull();
  });
});
