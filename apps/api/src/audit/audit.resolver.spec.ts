import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Global, type INestApplication, Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { formatPosition, SqlEventStore, type Actor, type EventStore, type NewEvent } from '#event-store';
import { ProjectionEngine, waitForPosition } from '#projections';
import { ConsistencyService } from '#read-models';
import { auditProjection, MAX_AUDIT_PAGE } from '#read-models/audit';
import { auditTestDatabases, type AuditTestDatabase } from '#read-models/audit/testing';
import { formatGraphQLError } from '../command-side/graphql-errors.js';
import { encodeCursor, MAX_PAGE_SIZE } from '../read-side/pagination.js';
import { AuditModule } from './audit.module.js';
import { AUDIT_TRAIL_LIST } from './audit.resolver.js';

/**
 * The `auditTrail` query in process, over the audit projection run by the engine on a real
 * database: arguments, validation, typed errors, cursors and read-your-writes. Authorisation is
 * the central policy's (by root field name) and is not part of this module.
 */

const ADMIN: Actor = { id: 'admin-1', role: 'admin' };
const PROVIDER: Actor = { id: 'provider-3', role: 'provider', organisationId: 'org-home-care' };
const RESEARCHER: Actor = { id: 'researcher-7', role: 'researcher', organisationId: 'org-university' };

function event(type: string, actor: Actor, occurredAt: string, projectId?: string, commandId?: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { ...(projectId ? { projectId } : {}), note: 'free text the audit never shows' },
    occurredAt: new Date(occurredAt),
    metadata: {
      actor,
      correlationId: randomUUID(),
      ...(projectId ? { projectId } : {}),
      ...(commandId ? { commandId, causationId: commandId } : {}),
    },
  };
}

const ENTRY_FIELDS = `position eventId eventType streamId actorId actorRole actorOrganisationId projectId territoryId
  commandId occurredAt recordedAt`;

interface Entry {
  position: string;
  eventId: string;
  eventType: string;
  actorId: string;
  [field: string]: unknown;
}
interface TrailPage {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: Entry }[];
}
interface GraphQLBody {
  data?: { auditTrail?: TrailPage } | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

describe.each(auditTestDatabases())('auditTrail query on %s', (_target, open) => {
  let target: AuditTestDatabase;
  let database: SqlDatabase;
  let store: EventStore;
  let engine: ProjectionEngine;
  let app: INestApplication;
  let url: string;
  const COMMAND = randomUUID();
  const history = {
    programme: event('ProgrammeLaunched', ADMIN, '2025-01-02T09:00:00.000Z'),
    launched: event('ProjectLaunched', PROVIDER, '2025-01-10T10:00:00.000Z', 'p1', COMMAND),
    scheduled: event('ActivityScheduled', PROVIDER, '2025-02-01T10:00:00.000Z', 'p1'),
    cancelled: event('ActivityCancelled', PROVIDER, '2025-02-15T10:00:00.000Z', 'p1'),
    launched2: event('ProjectLaunched', RESEARCHER, '2025-03-01T10:00:00.000Z', 'p2'),
  };

  async function run(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLBody> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLBody;
  }

  const TRAIL = `query Trail($filter: AuditFilterInput, $first: Int, $after: String, $atLeastPosition: String) {
    auditTrail(filter: $filter, first: $first, after: $after, atLeastPosition: $atLeastPosition) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ${ENTRY_FIELDS} } }
    }
  }`;

  async function trail(variables: Record<string, unknown> = {}): Promise<TrailPage> {
    const body = await run(TRAIL, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.auditTrail!;
  }

  async function refused(variables: Record<string, unknown>, query = TRAIL) {
    const body = await run(query, variables);
    expect(body.data?.auditTrail ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    return body.errors![0]!;
  }

  const types = (page: TrailPage) => page.edges.map((edge) => edge.node.eventType);

  beforeAll(async () => {
    target = await open();
    database = target.database;
    store = await SqlEventStore.open(database, { ownsDatabase: false });
    await store.append('programme-1', [history.programme], 'no_stream');
    await store.append('project-p1', [history.launched], 'no_stream');
    await store.append('activity-a1', [history.scheduled, history.cancelled], 'no_stream');
    const last = await store.append('project-p2', [history.launched2], 'no_stream');
    engine = new ProjectionEngine({ projections: [auditProjection], database, store, reconcileIntervalMs: 50 });
    await engine.start();
    expect(await waitForPosition(database, last.position, { timeoutMs: 20_000 })).toBe(true);

    @Global()
    @Module({
      providers: [{ provide: OPERATIONAL_DATABASE, useValue: database }, ConsistencyService],
      exports: [OPERATIONAL_DATABASE, ConsistencyService],
    })
    class TestInfrastructure {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        TestInfrastructure,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          context: ({ req }: { req: unknown }) => ({ req }),
          formatError: formatGraphQLError,
        }),
        AuditModule,
      ],
      providers: [
        // As in the application.
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
        },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`;
  });

  afterAll(async () => {
    await app?.close();
    await engine?.stop();
    await target?.dispose();
  });

  it('lists who did what and when, newest first, with every field of the entry', async () => {
    const page = await trail();
    expect(types(page)).toEqual([
      'ProjectLaunched',
      'ActivityCancelled',
      'ActivityScheduled',
      'ProjectLaunched',
      'ProgrammeLaunched',
    ]);
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const launched = page.edges.find((edge) => edge.node.eventId === history.launched.id)!.node;
    const [stored] = await store.readStream('project-p1');
    expect(launched).toEqual({
      position: formatPosition(stored!.position),
      eventId: history.launched.id,
      eventType: 'ProjectLaunched',
      streamId: 'project-p1',
      actorId: 'provider-3',
      actorRole: 'provider',
      actorOrganisationId: 'org-home-care',
      projectId: 'p1',
      territoryId: null,
      commandId: COMMAND,
      occurredAt: '2025-01-10T10:00:00.000Z',
      recordedAt: stored!.recordedAt.toISOString(),
    });
    expect(page.edges.find((edge) => edge.node.eventType === 'ProgrammeLaunched')!.node).toMatchObject({
      actorId: 'admin-1',
      actorRole: 'admin',
      actorOrganisationId: null,
      projectId: null,
      commandId: null,
    });
  });

  it('filters by actor, organisation, project, event type and a window on occurredAt', async () => {
    expect(types(await trail({ filter: { actorId: 'admin-1' } }))).toEqual(['ProgrammeLaunched']);
    expect(types(await trail({ filter: { organisationId: 'org-home-care' } }))).toEqual([
      'ActivityCancelled',
      'ActivityScheduled',
      'ProjectLaunched',
    ]);
    expect(types(await trail({ filter: { projectId: 'p2' } }))).toEqual(['ProjectLaunched']);
    const launches = await trail({ filter: { eventType: 'ProjectLaunched' } });
    expect(launches.edges.map((edge) => edge.node.actorId)).toEqual(['researcher-7', 'provider-3']);
    expect(launches.totalCount).toBe(2);
    const february = await trail({
      filter: { projectId: 'p1', from: '2025-02-01T10:00:00.000Z', to: '2025-02-15T10:00:00.000Z' },
    });
    expect(types(february)).toEqual(['ActivityScheduled']);
    expect(february.totalCount).toBe(1);
    expect(await trail({ filter: { actorId: 'nobody' } })).toMatchObject({ edges: [], totalCount: 0 });
  });

  it('pages with opaque cursors until the last page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const page: TrailPage = await trail({ first: 2, after });
      seen.push(...page.edges.map((edge) => edge.node.eventId));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
      expect(page.totalCount).toBe(5);
      if (!page.pageInfo.hasNextPage) {
        expect(pages).toBe(3);
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(
      [history.launched2, history.cancelled, history.scheduled, history.launched, history.programme].map((e) => e.id),
    );
  });

  it('waits for its own writes with atLeastPosition', async () => {
    const written = await store.append(
      'project-p2',
      [event('PilotExtended', ADMIN, '2025-03-02T10:00:00.000Z', 'p2')],
      0n,
    );
    const page = await trail({ filter: { projectId: 'p2' }, atLeastPosition: formatPosition(written.position) });
    expect(types(page)).toEqual(['PilotExtended', 'ProjectLaunched']);
    expect(page.edges[0]!.node.position).toBe(formatPosition(written.position));
  });

  it('refuses bad input with BAD_USER_INPUT and a stable reason', async () => {
    expect(MAX_AUDIT_PAGE).toBe(MAX_PAGE_SIZE);
    const expectBad = async (variables: Record<string, unknown>, reason: string) =>
      expect((await refused(variables)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });

    await expectBad({ first: MAX_PAGE_SIZE + 1 }, 'PAGE_SIZE_TOO_LARGE');
    await expectBad({ first: -1 }, 'INVALID_PAGE_SIZE');
    await expectBad({ after: 'not-a-cursor' }, 'INVALID_CURSOR');
    // A cursor of another list, and one of this list whose position is not a position.
    await expectBad({ after: encodeCursor('projects', ['Carers', 'p1']) }, 'INVALID_CURSOR');
    await expectBad({ after: encodeCursor(AUDIT_TRAIL_LIST, ['12-x']) }, 'INVALID_CURSOR');
    await expectBad({ atLeastPosition: 'soon' }, 'INVALID_POSITION');
    await expectBad({ filter: { actorId: "x' or '1'='1" } }, 'VALIDATION_FAILED');
    await expectBad({ filter: { organisationId: 'a'.repeat(101) } }, 'VALIDATION_FAILED');
    await expectBad({ filter: { projectId: 'p 1' } }, 'VALIDATION_FAILED');
    await expectBad({ filter: { eventType: 'DROP TABLE' } }, 'VALIDATION_FAILED');
    await expectBad({ filter: { from: '2025-02-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' } }, 'INVALID_WINDOW');
    await expectBad({ filter: { from: '2025-02-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' } }, 'INVALID_WINDOW');
  });

  it('refuses unknown filter fields and malformed dates', async () => {
    const unknownField = await refused({ filter: { actorId: 'admin-1', payload: 'x' } });
    expect(unknownField.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownField.message).toContain('payload');
    const inline = await run('{ auditTrail(filter: { data: "x" }) { totalCount } }');
    expect(inline.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const date = await refused({ filter: { from: 'yesterday' } });
    expect(date.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('exposes no event data: the entry type has only envelope and metadata fields', async () => {
    const body = (await run('{ __type(name: "AuditEntry") { fields { name } } }')) as {
      data: { __type: { fields: { name: string }[] } };
    };
    expect(body.data.__type.fields.map((field) => field.name).sort()).toEqual(
      ENTRY_FIELDS.split(/\s+/)
        .filter((name) => name.length > 0)
        .sort(),
    );
  });
});
