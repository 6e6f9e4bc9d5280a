import type { SqlExecutor } from '#database';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '#projections';
import { ProjectState, type ResponseKind, type WarningRecord } from './project-state.js';
import { DEFAULT_WARNING_THRESHOLDS, type ProjectTargets, type WarningThresholds } from './rules.js';

export const WARNINGS_TABLE = 'rm_warnings';
export const WARNING_PROJECTS_TABLE = 'rm_warning_projects';
export const WARNING_ACTIVITIES_TABLE = 'rm_warning_activities';
export const WARNING_DECISIONS_TABLE = 'rm_warning_decisions';
export const WARNING_BARRIERS_TABLE = 'rm_warning_barriers';
export const WARNING_CARERS_TABLE = 'rm_warning_carers';
export const WARNING_RESPONSES_TABLE = 'rm_warning_responses';

export const WARNINGS_PROJECTION = 'warnings';

/**
 * Every event type that carries a `projectId`. The rules read a few of them; all of them move the
 * project's clock, so "a barrier open longer than N days" is noticed on whatever happens next in
 * the project (docs/warnings.md, rule 4).
 */
export const WARNING_EVENT_TYPES: readonly string[] = [
  'ProjectLaunched',
  'ProjectPhaseStarted',
  'PilotExtended',
  'ProjectTargetsRevised',
  'CarerRegistered',
  'CarerPersonalDataUpdated',
  'CarerPersonalDataErased',
  'CarerConsentGiven',
  'CarerConsentWithdrawn',
  'CarerInvited',
  'CarerInvitationAccepted',
  'CarerInvitationDeclined',
  'CarerWithdrewFromProject',
  'ActivityScheduled',
  'ActivityRescheduled',
  'ActivityCancelled',
  'ActivityHeld',
  'CarerRegisteredForActivity',
  'ActivityRegistrationCancelled',
  'CarerAttendedActivity',
  'PartnerRepresentativeAttendedActivity',
  'UnderstandingQuizAnswered',
  'SatisfactionSurveyAnswered',
  'CommitteeGoalDefined',
  'CommitteeGoalAssessed',
  'CommitteeGoalReassessed',
  'CommitteeBecameSelfOrganising',
  'InformationChannelRegistered',
  'ChannelReadingRecorded',
  'NewPatientInformed',
  'InformationChannelRetired',
  'DecisionTaken',
  'DecisionContested',
  'DecisionRevised',
  'SuggestionMade',
  'SuggestionAdopted',
  'SuggestionDeclined',
  'SuggestionImplemented',
  'OrganisationJoinedPartnership',
  'OrganisationLeftPartnership',
  'PartnerMemberAdded',
  'PartnerMemberRemoved',
  'PartnerRolesClarified',
  'PartnerRolesFoundUnclear',
  'CoordinationMeetingPlanned',
  'CoordinationMeetingHeld',
  'CoordinationMeetingMissed',
  'CoordinationMeetingRescheduled',
  'CoordinationConcernRaised',
  'CoordinationConcernResolved',
  'InterviewRecorded',
  'WorkshopRecorded',
  'ReflexiveNoteRecorded',
  'ObservationCoded',
  'BarrierObserved',
  'AdjustmentActionTaken',
  'BarrierResolved',
  'BarrierReopened',
];

const WARNING_COLUMNS = {
  id: 'uuid',
  project_id: 'text',
  territory_id: 'text',
  rule: 'text',
  severity: 'text',
  subject_type: 'text',
  subject_id: 'text',
  related_ids: 'jsonb',
  message: 'text',
  details: 'jsonb',
  raised_at: 'timestamptz',
  recorded_at: 'timestamptz',
  event_id: 'uuid',
  pos_commit: 'numeric',
  pos_prepare: 'numeric',
  ordinal: 'integer',
  resolved_at: 'timestamptz',
  resolved_recorded_at: 'timestamptz',
  resolved_by_event_id: 'uuid',
} as const;

const PROJECT_COLUMNS = {
  project_id: 'text',
  territory_id: 'text',
  eligible_carers: 'double precision',
  starts_on: 'timestamptz',
  pilot_months: 'double precision',
  pilot_months_at: 'timestamptz',
  targets: 'jsonb',
  targets_at: 'timestamptz',
  clock: 'timestamptz',
} as const;

const ACTIVITY_COLUMNS = {
  activity_id: 'text',
  project_id: 'text',
  kind: 'text',
  scheduled_for: 'timestamptz',
  status: 'text',
  decided_at: 'timestamptz',
  carers_consulted: 'boolean',
} as const;

const DECISION_COLUMNS = {
  decision_id: 'text',
  project_id: 'text',
  affects_carers: 'boolean',
  carers_consulted: 'boolean',
  activity_id: 'text',
} as const;

const BARRIER_COLUMNS = {
  barrier_id: 'text',
  project_id: 'text',
  code: 'text',
  open: 'boolean',
  open_since: 'timestamptz',
} as const;

const CARER_COLUMNS = { project_id: 'text', carer_id: 'text', first_attended_at: 'timestamptz' } as const;

const RESPONSE_COLUMNS = {
  event_id: 'uuid',
  project_id: 'text',
  kind: 'text',
  numerator: 'double precision',
  denominator: 'double precision',
  occurred_at: 'timestamptz',
  pos_commit: 'numeric',
  pos_prepare: 'numeric',
} as const;

type ColumnTypes = Readonly<Record<string, string>>;

/**
 * Writes rows set-based: one statement per table per batch. `update` lists the columns a
 * conflicting row takes from the batch (empty: keep the existing row).
 */
async function upsert(
  tx: SqlExecutor,
  table: string,
  columns: ColumnTypes,
  key: readonly string[],
  update: readonly string[],
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const record = names.map((name) => `${name} ${columns[name] === 'numeric' ? 'numeric' : columns[name]}`).join(', ');
  const onConflict =
    update.length === 0
      ? 'do nothing'
      : `do update set ${update.map((column) => `${column} = excluded.${column}`).join(', ')}`;
  await tx.query(
    `insert into ${table} (${names.join(', ')})
     select ${names.join(', ')} from jsonb_to_recordset($1::jsonb) as x(${record})
     on conflict (${key.join(', ')}) ${onConflict}`,
    [JSON.stringify(rows)],
  );
}

const ms = (value: unknown): number | null =>
  value === null || value === undefined ? null : new Date(value as string).getTime();
const isoOrNull = (value: number | null): string | null => (value === null ? null : new Date(value).toISOString());
const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

export function warningFromRow(row: Record<string, unknown>): WarningRecord {
  const stamp = (value: unknown) =>
    value === null || value === undefined ? null : new Date(value as string).toISOString();
  return {
    id: String(row.id),
    project_id: String(row.project_id),
    territory_id: (row.territory_id as string | null) ?? null,
    rule: row.rule as WarningRecord['rule'],
    severity: row.severity as WarningRecord['severity'],
    subject_type: row.subject_type as WarningRecord['subject_type'],
    subject_id: String(row.subject_id),
    related_ids: json<string[]>(row.related_ids) ?? [],
    message: String(row.message),
    details: json<Record<string, unknown>>(row.details) ?? {},
    raised_at: stamp(row.raised_at)!,
    recorded_at: stamp(row.recorded_at)!,
    event_id: String(row.event_id),
    pos_commit: String(row.pos_commit),
    pos_prepare: String(row.pos_prepare),
    ordinal: Number(row.ordinal),
    resolved_at: stamp(row.resolved_at),
    resolved_recorded_at: stamp(row.resolved_recorded_at),
    resolved_by_event_id: (row.resolved_by_event_id as string | null) ?? null,
  };
}

/** The columns of rm_warnings as read back (positions as text). */
export const WARNING_SELECT = `id, project_id, territory_id, rule, severity, subject_type, subject_id, related_ids, message,
  details, raised_at, recorded_at, event_id, pos_commit::text as pos_commit, pos_prepare::text as pos_prepare, ordinal,
  resolved_at, resolved_recorded_at, resolved_by_event_id`;

/** Loads the state of the projects a batch touches: one query per table. */
async function load(
  tx: SqlExecutor,
  table: (name: string) => string,
  projectIds: readonly string[],
  thresholds: WarningThresholds,
): Promise<Map<string, ProjectState>> {
  const states = new Map(projectIds.map((id) => [id, new ProjectState(id, thresholds)] as const));
  const ids = [projectIds];
  const rows = (name: string, extra = '') =>
    tx.query<Record<string, unknown>>(`select * from ${table(name)} where project_id = any($1::text[]) ${extra}`, ids);

  for (const row of await rows(WARNING_PROJECTS_TABLE)) {
    const state = states.get(String(row.project_id))!;
    state.settings = {
      territoryId: (row.territory_id as string | null) ?? null,
      eligibleCarers: row.eligible_carers === null ? null : Number(row.eligible_carers),
      startsOn: ms(row.starts_on),
      pilotMonths: row.pilot_months === null ? null : Number(row.pilot_months),
      pilotMonthsAt: ms(row.pilot_months_at),
      targets: row.targets === null ? null : json<ProjectTargets>(row.targets),
      targetsAt: ms(row.targets_at),
      clock: ms(row.clock),
    };
  }
  for (const row of await rows(WARNING_ACTIVITIES_TABLE)) {
    states.get(String(row.project_id))!.activities.set(String(row.activity_id), {
      kind: (row.kind as string | null) ?? null,
      scheduledFor: ms(row.scheduled_for),
      status: row.status as 'scheduled' | 'held' | 'cancelled',
      decidedAt: ms(row.decided_at),
      carersConsulted: (row.carers_consulted as boolean | null) ?? null,
    });
  }
  for (const row of await rows(WARNING_DECISIONS_TABLE)) {
    states.get(String(row.project_id))!.decisions.set(String(row.decision_id), {
      affectsCarers: row.affects_carers === true,
      carersConsulted: row.carers_consulted === true,
      activityId: (row.activity_id as string | null) ?? null,
    });
  }
  for (const row of await rows(WARNING_BARRIERS_TABLE)) {
    states.get(String(row.project_id))!.barriers.set(String(row.barrier_id), {
      code: (row.code as string | null) ?? null,
      open: row.open === true,
      openSince: ms(row.open_since),
    });
  }
  for (const row of await rows(WARNING_CARERS_TABLE)) {
    states.get(String(row.project_id))!.loadCarer(String(row.carer_id), ms(row.first_attended_at)!);
  }
  // Only the latest N responses of each kind matter.
  const responses = await tx.query<Record<string, unknown>>(
    `select event_id, project_id, kind, numerator, denominator, occurred_at,
            pos_commit::text as pos_commit, pos_prepare::text as pos_prepare
     from (
       select r.*, row_number() over (
         partition by r.project_id, r.kind order by r.occurred_at desc, r.pos_commit desc, r.pos_prepare desc) as n
       from ${table(WARNING_RESPONSES_TABLE)} r where r.project_id = any($1::text[])
     ) x where x.n <= $2`,
    [projectIds, thresholds.recentResponses],
  );
  for (const row of responses) {
    states.get(String(row.project_id))!.loadResponse({
      eventId: String(row.event_id),
      kind: row.kind as ResponseKind,
      numerator: Number(row.numerator),
      denominator: Number(row.denominator),
      occurredAt: ms(row.occurred_at)!,
      posCommit: BigInt(String(row.pos_commit)),
      posPrepare: BigInt(String(row.pos_prepare)),
    });
  }
  const open = await tx.query<Record<string, unknown>>(
    `select ${WARNING_SELECT} from ${table(WARNINGS_TABLE)} where project_id = any($1::text[]) and resolved_at is null`,
    ids,
  );
  for (const row of open) states.get(String(row.project_id))!.loadOpen(warningFromRow(row));
  return states;
}

/** Writes back what the batch changed: one statement per table (two for warnings). */
async function save(
  tx: SqlExecutor,
  table: (name: string) => string,
  states: ReadonlyMap<string, ProjectState>,
  existing: ReadonlySet<string>,
): Promise<void> {
  const projects: Record<string, unknown>[] = [];
  const activities: Record<string, unknown>[] = [];
  const decisions: Record<string, unknown>[] = [];
  const barriers: Record<string, unknown>[] = [];
  const carers: Record<string, unknown>[] = [];
  const responses: Record<string, unknown>[] = [];
  const changed: WarningRecord[] = [];
  const created: WarningRecord[] = [];
  for (const state of states.values()) {
    const { settings, dirty, projectId } = state;
    if (dirty.settings) {
      projects.push({
        project_id: projectId,
        territory_id: settings.territoryId,
        eligible_carers: settings.eligibleCarers,
        starts_on: isoOrNull(settings.startsOn),
        pilot_months: settings.pilotMonths,
        pilot_months_at: isoOrNull(settings.pilotMonthsAt),
        targets: settings.targets,
        targets_at: isoOrNull(settings.targetsAt),
        clock: isoOrNull(settings.clock),
      });
    }
    for (const activityId of dirty.activities) {
      const activity = state.activities.get(activityId)!;
      activities.push({
        activity_id: activityId,
        project_id: projectId,
        kind: activity.kind,
        scheduled_for: isoOrNull(activity.scheduledFor),
        status: activity.status,
        decided_at: isoOrNull(activity.decidedAt),
        carers_consulted: activity.carersConsulted,
      });
    }
    for (const decisionId of dirty.decisions) {
      const decision = state.decisions.get(decisionId)!;
      decisions.push({
        decision_id: decisionId,
        project_id: projectId,
        affects_carers: decision.affectsCarers,
        carers_consulted: decision.carersConsulted,
        activity_id: decision.activityId,
      });
    }
    for (const barrierId of dirty.barriers) {
      const barrier = state.barriers.get(barrierId)!;
      barriers.push({
        barrier_id: barrierId,
        project_id: projectId,
        code: barrier.code,
        open: barrier.open,
        open_since: isoOrNull(barrier.openSince),
      });
    }
    for (const carerId of dirty.carers) {
      carers.push({
        project_id: projectId,
        carer_id: carerId,
        first_attended_at: isoOrNull(state.carers.get(carerId)!),
      });
    }
    for (const response of dirty.responses) {
      responses.push({
        event_id: response.eventId,
        project_id: projectId,
        kind: response.kind,
        numerator: response.numerator,
        denominator: response.denominator,
        occurred_at: isoOrNull(response.occurredAt),
        pos_commit: response.posCommit.toString(),
        pos_prepare: response.posPrepare.toString(),
      });
    }
    for (const record of state.written.values()) (existing.has(record.id) ? changed : created).push(record);
  }
  await upsert(
    tx,
    table(WARNING_PROJECTS_TABLE),
    PROJECT_COLUMNS,
    ['project_id'],
    Object.keys(PROJECT_COLUMNS).slice(1),
    projects,
  );
  await upsert(
    tx,
    table(WARNING_ACTIVITIES_TABLE),
    ACTIVITY_COLUMNS,
    ['activity_id'],
    Object.keys(ACTIVITY_COLUMNS).slice(1),
    activities,
  );
  await upsert(
    tx,
    table(WARNING_DECISIONS_TABLE),
    DECISION_COLUMNS,
    ['decision_id'],
    Object.keys(DECISION_COLUMNS).slice(1),
    decisions,
  );
  await upsert(
    tx,
    table(WARNING_BARRIERS_TABLE),
    BARRIER_COLUMNS,
    ['barrier_id'],
    Object.keys(BARRIER_COLUMNS).slice(1),
    barriers,
  );
  await upsert(
    tx,
    table(WARNING_CARERS_TABLE),
    CARER_COLUMNS,
    ['project_id', 'carer_id'],
    ['first_attended_at'],
    carers,
  );
  await upsert(tx, table(WARNING_RESPONSES_TABLE), RESPONSE_COLUMNS, ['event_id'], [], responses);
  // Existing warnings first (a resolution frees its subject), then the new ones: the partial unique
  // index allows one open warning per project, rule and subject.
  await upsert(
    tx,
    table(WARNINGS_TABLE),
    WARNING_COLUMNS,
    ['id'],
    ['severity', 'message', 'details', 'related_ids', 'resolved_at', 'resolved_recorded_at', 'resolved_by_event_id'],
    changed,
  );
  await upsert(tx, table(WARNINGS_TABLE), WARNING_COLUMNS, ['id'], [], created);
}

function projectOf(event: RecordedEvent): string | null {
  const projectId = (event.data as Record<string, unknown>).projectId;
  return typeof projectId === 'string' && projectId.length > 0 ? projectId : null;
}

/**
 * Early warnings (docs/warnings.md): rules evaluated event by event on a minimal state of each
 * project kept in this projection's own tables, so it depends on no other projection. A batch
 * loads the state of the projects it touches, folds its events in memory in log order, and writes
 * back what changed; the same events give the same rows whatever the batch size.
 *
 * The signal-drop rule is not stored here: it is computed at query time from the signal facts
 * (signal-drops.ts), and so is "a barrier open too long" as of now for a quiet project.
 */
export function createWarningsProjection(thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS): Projection {
  return {
    name: WARNINGS_PROJECTION,
    version: 1,
    eventTypes: WARNING_EVENT_TYPES,
    tables: [
      {
        name: WARNINGS_TABLE,
        create: (t) => `
          create table ${t} (
            id uuid primary key,
            project_id text not null,
            territory_id text,
            rule text not null,
            severity text not null,
            subject_type text not null,
            subject_id text not null,
            related_ids jsonb not null default '[]',
            message text not null,
            details jsonb not null default '{}',
            raised_at timestamptz not null,
            recorded_at timestamptz not null,
            event_id uuid not null,
            pos_commit numeric(20, 0) not null,
            pos_prepare numeric(20, 0) not null,
            ordinal integer not null,
            resolved_at timestamptz,
            resolved_recorded_at timestamptz,
            resolved_by_event_id uuid
          );
          create unique index ${t}_one_open on ${t} (project_id, rule, subject_type, subject_id) where resolved_at is null;
          create index ${t}_project on ${t} (project_id, raised_at desc, id desc);
          create index ${t}_territory on ${t} (territory_id, raised_at desc, id desc);
          create index ${t}_sequence on ${t} (project_id, pos_commit, pos_prepare, ordinal);`,
      },
      {
        name: WARNING_PROJECTS_TABLE,
        create: (t) => `
          create table ${t} (
            project_id text primary key,
            territory_id text,
            eligible_carers double precision,
            starts_on timestamptz,
            pilot_months double precision,
            pilot_months_at timestamptz,
            targets jsonb,
            targets_at timestamptz,
            clock timestamptz
          );
          create index ${t}_territory on ${t} (territory_id);`,
      },
      {
        name: WARNING_ACTIVITIES_TABLE,
        create: (t) => `
          create table ${t} (
            activity_id text primary key,
            project_id text not null,
            kind text,
            scheduled_for timestamptz,
            status text not null,
            decided_at timestamptz,
            carers_consulted boolean
          );
          create index ${t}_project on ${t} (project_id);`,
      },
      {
        name: WARNING_DECISIONS_TABLE,
        create: (t) => `
          create table ${t} (
            decision_id text primary key,
            project_id text not null,
            affects_carers boolean not null,
            carers_consulted boolean not null,
            activity_id text
          );
          create index ${t}_project on ${t} (project_id);`,
      },
      {
        name: WARNING_BARRIERS_TABLE,
        create: (t) => `
          create table ${t} (
            barrier_id text primary key,
            project_id text not null,
            code text,
            open boolean not null,
            open_since timestamptz
          );
          create index ${t}_project on ${t} (project_id);`,
      },
      {
        name: WARNING_CARERS_TABLE,
        create: (t) => `
          create table ${t} (
            project_id text not null,
            carer_id text not null,
            first_attended_at timestamptz not null,
            primary key (project_id, carer_id)
          );`,
      },
      {
        name: WARNING_RESPONSES_TABLE,
        create: (t) => `
          create table ${t} (
            event_id uuid primary key,
            project_id text not null,
            kind text not null,
            numerator double precision not null,
            denominator double precision not null,
            occurred_at timestamptz not null,
            pos_commit numeric(20, 0) not null,
            pos_prepare numeric(20, 0) not null
          );
          create index ${t}_recent on ${t} (project_id, kind, occurred_at desc);`,
      },
    ],
    async apply(events, { tx, table }) {
      const projectIds = [...new Set(events.map(projectOf).filter((id): id is string => id !== null))];
      if (projectIds.length === 0) return;
      const states = await load(tx, table, projectIds, thresholds);
      const existing = new Set<string>();
      for (const state of states.values()) for (const record of state.open.values()) existing.add(record.id);
      for (const event of events) {
        const projectId = projectOf(event);
        if (projectId) states.get(projectId)!.apply(event);
      }
      await save(tx, table, states, existing);
    },
  };
}

export const warningsProjection: Projection = createWarningsProjection();
