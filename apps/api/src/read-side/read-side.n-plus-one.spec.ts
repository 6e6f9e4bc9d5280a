import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Global, type INestApplication, Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { OPERATIONAL_DATABASE, PgliteDatabase, type SqlDatabase, type SqlExecutor } from '#database';
import type { JsonObject, RecordedEvent } from '#event-store';
import { physicalTable, prepareProjections } from '#projections';
import { ConsistencyService } from '#read-models';
import { directoryProjection as directory } from '#read-models/directory';
import { valleyPilot } from '#read-models/testing';
import { CarerKeyVault } from '#privacy';
import { ProjectAccess } from '../auth/project-access.js';
import { formatGraphQLError } from '../command-side/graphql-errors.js';
import {
  ActivityAttendanceFieldsResolver,
  ActivityQueriesResolver,
  ProjectActivitiesResolver,
  SurveySummaryFieldsResolver,
} from '../activity/activity.queries.resolver.js';
import {
  AdjustmentActionFieldsResolver,
  BarrierQueriesResolver,
  ProjectBarriersResolver,
} from '../barrier/barrier.queries.resolver.js';
import { CarerIdentityResolver } from '../carer/carer-identity.resolver.js';
import { CarerQueriesResolver, ProjectCarersResolver } from '../carer/carer.queries.resolver.js';
import { ProjectCommitteeGoalsResolver } from '../committee/committee.queries.resolver.js';
import { DecisionQueriesResolver, ProjectDecisionsResolver } from '../decision/decision.queries.resolver.js';
import {
  EvidenceQueriesResolver,
  ObservationFieldsResolver,
  ProjectEvidenceResolver,
} from '../evidence/evidence.queries.resolver.js';
import {
  InformationChannelQueriesResolver,
  ProjectInformationChannelsResolver,
} from '../information-channel/information-channel.queries.resolver.js';
import { OrganisationQueriesResolver } from '../organisation/organisation.queries.resolver.js';
import {
  CoordinationConcernFieldsResolver,
  PartnerFieldsResolver,
  PartnerMemberFieldsResolver,
  ProjectPartnershipResolver,
} from '../partnership/partnership.queries.resolver.js';
import { ProgrammeQueriesResolver } from '../programme/programme.queries.resolver.js';
import { ProjectQueriesResolver } from '../project/project.queries.resolver.js';
import { ProjectSuggestionsResolver, SuggestionQueriesResolver } from '../suggestion/suggestion.queries.resolver.js';
import { SurveyInstrumentQueriesResolver } from '../survey-instrument/survey-instrument.queries.resolver.js';
import { ReadSideModule } from './read-side.module.js';

/**
 * The N+1 guard: the resolvers run on PGlite behind a database that counts every statement,
 * and a deeply nested query must cost the same number of statements however many parents each
 * level has (one statement per list and per level, never one per parent).
 */

/** Every feature's query resolvers, without its mutations (which need the command side). */
const QUERY_RESOLVERS = [
  ProjectQueriesResolver,
  ProgrammeQueriesResolver,
  OrganisationQueriesResolver,
  SurveyInstrumentQueriesResolver,
  ProjectPartnershipResolver,
  PartnerFieldsResolver,
  PartnerMemberFieldsResolver,
  CoordinationConcernFieldsResolver,
  CarerQueriesResolver,
  CarerIdentityResolver,
  ProjectCarersResolver,
  ActivityQueriesResolver,
  ActivityAttendanceFieldsResolver,
  SurveySummaryFieldsResolver,
  ProjectActivitiesResolver,
  ProjectCommitteeGoalsResolver,
  InformationChannelQueriesResolver,
  ProjectInformationChannelsResolver,
  DecisionQueriesResolver,
  ProjectDecisionsResolver,
  SuggestionQueriesResolver,
  ProjectSuggestionsResolver,
  EvidenceQueriesResolver,
  ObservationFieldsResolver,
  ProjectEvidenceResolver,
  BarrierQueriesResolver,
  AdjustmentActionFieldsResolver,
  ProjectBarriersResolver,
];

/** Counts the statements the query side sends; everything else is delegated. */
class CountingDatabase implements SqlDatabase {
  readonly statements: string[] = [];
  readonly dialect: SqlDatabase['dialect'];

  constructor(private readonly inner: SqlDatabase) {
    this.dialect = inner.dialect;
  }

  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    this.statements.push(sql.replace(/\s+/g, ' ').trim());
    return this.inner.query<Row>(sql, params);
  }
  exec(sql: string): Promise<void> {
    this.statements.push(sql);
    return this.inner.exec(sql);
  }
  copyIn(table: string, columns: readonly string[], rows: string): Promise<void> {
    this.statements.push(`copy ${table}`);
    return this.inner.copyIn(table, columns, rows);
  }
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.inner.transaction(work);
  }
  listen(...args: Parameters<SqlDatabase['listen']>) {
    return this.inner.listen(...args);
  }
  tryLock(key: string) {
    return this.inner.tryLock(key);
  }
  close() {
    return this.inner.close();
  }
}

let position = 0;
function event(type: string, data: Record<string, unknown>, occurredAt = '2025-03-01T10:00:00.000Z'): RecordedEvent {
  position += 1;
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: data as JsonObject,
    occurredAt: new Date(occurredAt),
    metadata: { actor: { id: 'researcher-7', role: 'researcher' }, correlationId: randomUUID() },
    streamId: `test-${position}`,
    revision: 0n,
    position: { commit: BigInt(position), prepare: BigInt(position) },
    recordedAt: new Date(occurredAt),
  };
}

/** A project with `partners` partners (2 members each) and `activities` held activities with attendance and feedback. */
function projectHistory(projectId: string, partners: number, activities: number): RecordedEvent[] {
  const events = [event('ProjectLaunched', { ...valleyPilot(projectId), name: `Project ${projectId}` })];
  for (let p = 0; p < partners; p++) {
    const organisationId = `${projectId}-org-${p}`;
    events.push(
      event('OrganisationRegistered', {
        organisationId,
        name: `Organisation ${p}`,
        kind: 'care_facility',
        culture: null,
      }),
      event('OrganisationJoinedPartnership', { projectId, organisationId, partnerRole: 'promoter' }),
      ...[0, 1].map((m) =>
        event('PartnerMemberAdded', {
          projectId,
          organisationId,
          memberId: `${organisationId}-m${m}`,
          memberRole: 'facilitator',
        }),
      ),
    );
  }
  for (let a = 0; a < activities; a++) {
    const activityId = `${projectId}-activity-${a}`;
    events.push(
      event('ActivityScheduled', {
        activityId,
        projectId,
        kind: 'training_course',
        topic: `Course ${a}`,
        scheduledFor: `2025-04-${String(a + 1).padStart(2, '0')}T15:00:00.000Z`,
        place: 'Town hall',
        facilitatorMemberId: null,
        organisingOrganisationId: `${projectId}-org-0`,
      }),
      event('ActivityHeld', {
        activityId,
        projectId,
        startedAt: '2025-04-01T15:00:00.000Z',
        durationMinutes: 60,
        audioRecorded: false,
      }),
      event('PartnerRepresentativeAttendedActivity', {
        activityId,
        projectId,
        organisationId: `${projectId}-org-0`,
        memberId: `${projectId}-org-0-m0`,
      }),
      event('SatisfactionSurveyAnswered', {
        activityId,
        projectId,
        carerId: null,
        instrumentId: 'training-satisfaction',
        itemIds: ['i1'],
        scaleMin: 1,
        scaleMax: 3,
        answers: [3],
      }),
    );
    for (let c = 0; c < 3; c++) {
      const carerId = `${projectId}-carer-${a}-${c}`;
      events.push(
        event('CarerRegistered', {
          carerId,
          projectId,
          pseudonym: `Carer ${a}.${c}`,
          registeredByOrganisationId: `${projectId}-org-0`,
          gender: 'female',
          ageBand: 'aged_55_64',
          weeklyCareHours: null,
          stressLevel: 'high',
          area: null,
          relationship: 'child',
          personalData: null,
        }),
        event('CarerAttendedActivity', { activityId, projectId, carerId }),
        event('UnderstandingQuizAnswered', {
          activityId,
          projectId,
          carerId,
          phase: 'after',
          questionsAsked: 3,
          correctAnswers: 2,
        }),
      );
    }
  }
  return events;
}

const NESTED = `{
  projects(first: 50) {
    totalCount
    edges { node {
      name
      partners(first: 50) { edges { node {
        role
        organisation { name }
        members { memberId role organisation { name } }
      } } }
      activities(first: 50) {
        totalCount
        edges { node {
          topic status
          organisingOrganisation { name }
          attendance { carers { carerId pseudonym } representatives { memberId } }
          registrations { carerId }
          quizzes { phase responses score }
          surveys { responses averageScore instrument { name } }
        } }
      }
    } }
  }
}`;

describe('directory queries load nested fields in batches (no N+1)', () => {
  let pglite: PgliteDatabase;
  let database: CountingDatabase;
  let app: INestApplication;
  let url: string;

  async function given(events: RecordedEvent[]) {
    await pglite.transaction((tx) => directory.apply(events, { tx, table: (name) => physicalTable(name, 1) }));
  }

  async function run(query: string) {
    database.statements.length = 0;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    return { body, statements: [...database.statements] };
  }

  beforeAll(async () => {
    pglite = await PgliteDatabase.open();
    await prepareProjections(pglite, [directory]);
    await given([
      event('SurveyInstrumentRegistered', {
        instrumentId: 'training-satisfaction',
        name: 'Training satisfaction',
        description: null,
        measures: 'satisfaction',
        itemCount: 1,
        scale: { minimum: 1, maximum: 3, labels: null },
      }),
    ]);
    database = new CountingDatabase(pglite);

    @Global()
    @Module({
      providers: [
        { provide: OPERATIONAL_DATABASE, useValue: database },
        ConsistencyService,
        // Only personalData uses these, and these queries never select it.
        { provide: ProjectAccess, useValue: {} },
        { provide: CarerKeyVault, useValue: {} },
      ],
      exports: [OPERATIONAL_DATABASE, ConsistencyService, ProjectAccess, CarerKeyVault],
    })
    class TestInfrastructure {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        TestInfrastructure,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          // An admin sees every project: the statement counts are about batching, not access.
          context: ({ req }: { req: unknown }) => ({ req, principal: { id: 'admin-1', role: 'admin' } }),
          formatError: formatGraphQLError,
        }),
        ReadSideModule,
      ],
      providers: [
        ...QUERY_RESOLVERS,
        // As in the application: it must leave the resolvers' parent objects alone.
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
    await pglite?.close();
  });

  it('costs the same number of statements for 1 project with 2 activities as for 3 projects with 10 each', async () => {
    await given(projectHistory('p1', 2, 2));
    const small = await run(NESTED);
    expect(small.body.errors).toBeUndefined();
    const projects = (small.body.data as { projects: { edges: { node: { activities: { totalCount: number } } }[] } })
      .projects;
    expect(projects.edges).toHaveLength(1);
    expect(projects.edges[0]!.node.activities.totalCount).toBe(2);

    await given([...projectHistory('p2', 4, 10), ...projectHistory('p3', 3, 10)]);
    const large = await run(NESTED);
    expect(large.body.errors).toBeUndefined();
    const data = large.body.data as {
      projects: {
        totalCount: number;
        edges: {
          node: {
            partners: { edges: { node: { members: unknown[] } }[] };
            activities: { edges: { node: { attendance: { carers: unknown[] }; surveys: unknown[] } }[] };
          };
        }[];
      };
    };
    expect(data.projects.totalCount).toBe(3);
    const activities = data.projects.edges.flatMap((edge) => edge.node.activities.edges);
    expect(activities).toHaveLength(22);
    expect(activities.every((edge) => edge.node.attendance.carers.length === 3)).toBe(true);
    const partners = data.projects.edges.flatMap((edge) => edge.node.partners.edges);
    expect(partners).toHaveLength(9);
    expect(partners.every((edge) => edge.node.members.length === 2)).toBe(true);

    // One statement per list per level, whatever the number of parents:
    //   projects page, projects count
    //   → partners page, activities page, activities count (each for every project at once)
    //   → organisations (of partners and of activities, one batch), partner members,
    //     activity carers (attendance and registrations share it), representatives, quizzes, surveys
    //   → survey instruments (members' organisations were already loaded in this request).
    expect(large.statements).toHaveLength(small.statements.length);
    expect(large.statements).toHaveLength(12);
    expect(large.statements.filter((sql) => sql.includes('from rm_organisations'))).toHaveLength(1);
  });

  it('serves a project and its connections with filters, and refuses pages above the cap', async () => {
    const filtered = await run(`{
      project(id: "p2") {
        activities(first: 3, filter: { status: held, from: "2025-04-02T00:00:00.000Z" }) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { topic } }
        }
      }
    }`);
    expect(filtered.body.errors).toBeUndefined();
    const page = (
      filtered.body.data as {
        project: {
          activities: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { topic: string } }[];
          };
        };
      }
    ).project.activities;
    expect(page.totalCount).toBe(9);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges.map((edge) => edge.node.topic)).toEqual(['Course 1', 'Course 2', 'Course 3']);

    const tooMany = await run('{ projects(first: 101) { totalCount } }');
    expect(tooMany.body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE' }),
      }),
    ]);
    expect(tooMany.statements).toEqual([]);
  });
});
