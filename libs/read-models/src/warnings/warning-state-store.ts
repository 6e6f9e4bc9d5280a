import type { SqlExecutor } from '#database';
import type { ProjectTargets, WarningThresholds } from './rules/warning-rules.js';
import { ProjectState } from './warning-project-state.js';
import type {
  ActivityStatus,
  CarerRequestState,
  ConcernState,
  InvitationState,
  MeetingState,
  NewcomerState,
  PartnerState,
  ResponseKind,
  SuggestionState,
} from './warning-project-view.js';
import type { WarningRecord } from './warning-record.js';
import { fromJson, WARNING_SELECT, warningFromRow } from './warning-rows.js';
import {
  ACTIVITY_COLUMNS,
  BARRIER_COLUMNS,
  CARER_COLUMNS,
  DECISION_COLUMNS,
  PROJECT_COLUMNS,
  RESPONSE_COLUMNS,
  SUBJECT_COLUMNS,
  WARNING_ACTIVITIES_TABLE,
  WARNING_BARRIERS_TABLE,
  WARNING_CARERS_TABLE,
  WARNING_COLUMNS,
  WARNING_DECISIONS_TABLE,
  WARNING_PROJECTS_TABLE,
  WARNING_RESPONSES_TABLE,
  WARNING_SUBJECTS_TABLE,
  WARNINGS_TABLE,
} from './warning-tables.js';

/** The physical name of a logical table in the generation being written. */
type TableName = (name: string) => string;
type ColumnTypes = Readonly<Record<string, string>>;
type Row = Record<string, unknown>;

const ms = (value: unknown): number | null =>
  value === null || value === undefined ? null : new Date(value as string).getTime();
const isoOrNull = (value: number | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Loads the state of the projects a batch touches: one query per table. */
export async function loadProjectStates(
  tx: SqlExecutor,
  table: TableName,
  projectIds: readonly string[],
  thresholds: WarningThresholds,
): Promise<Map<string, ProjectState>> {
  const states = new Map(projectIds.map((id) => [id, new ProjectState(id, thresholds)] as const));
  const ids = [projectIds];
  const rows = (name: string) => tx.query<Row>(`select * from ${table(name)} where project_id = any($1::text[])`, ids);
  const stateOf = (row: Row) => states.get(String(row.project_id))!;

  for (const row of await rows(WARNING_PROJECTS_TABLE)) {
    stateOf(row).settings = {
      territoryId: (row.territory_id as string | null) ?? null,
      eligibleCarers: row.eligible_carers === null ? null : Number(row.eligible_carers),
      startsOn: ms(row.starts_on),
      pilotMonths: row.pilot_months === null ? null : Number(row.pilot_months),
      pilotMonthsAt: ms(row.pilot_months_at),
      targets: row.targets === null ? null : fromJson<ProjectTargets>(row.targets),
      targetsAt: ms(row.targets_at),
      clock: ms(row.clock),
    };
  }
  for (const row of await rows(WARNING_ACTIVITIES_TABLE)) {
    stateOf(row).activities.set(String(row.activity_id), {
      kind: (row.kind as string | null) ?? null,
      scheduledFor: ms(row.scheduled_for),
      status: row.status as ActivityStatus,
      decidedAt: ms(row.decided_at),
      carersConsulted: (row.carers_consulted as boolean | null) ?? null,
    });
  }
  for (const row of await rows(WARNING_DECISIONS_TABLE)) {
    stateOf(row).decisions.set(String(row.decision_id), {
      affectsCarers: row.affects_carers === true,
      carersConsulted: row.carers_consulted === true,
      activityIds: fromJson<string[]>(row.activity_ids) ?? [],
    });
  }
  for (const row of await rows(WARNING_BARRIERS_TABLE)) {
    stateOf(row).barriers.set(String(row.barrier_id), {
      code: (row.code as string | null) ?? null,
      open: row.open === true,
      openSince: ms(row.open_since),
    });
  }
  for (const row of await rows(WARNING_SUBJECTS_TABLE)) {
    const state = stateOf(row);
    const id = String(row.subject_id);
    const subject = fromJson<Record<string, unknown>>(row.state);
    if (row.kind === 'meeting') state.meetings.set(id, subject as unknown as MeetingState);
    else if (row.kind === 'partner') state.partners.set(id, subject as unknown as PartnerState);
    else if (row.kind === 'suggestion') state.suggestions.set(id, subject as unknown as SuggestionState);
    else if (row.kind === 'invitation') state.invitations.set(id, subject as unknown as InvitationState);
    else if (row.kind === 'newcomer') state.newcomers.set(id, subject as unknown as NewcomerState);
    else if (row.kind === 'concern') state.concerns.set(id, subject as unknown as ConcernState);
    else if (row.kind === 'carer_request') state.carerRequests.set(id, subject as unknown as CarerRequestState);
  }
  for (const row of await rows(WARNING_CARERS_TABLE)) {
    stateOf(row).loadCarer(String(row.carer_id), ms(row.first_attended_at)!);
  }
  // Only the latest N responses of each kind matter.
  const responses = await tx.query<Row>(
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
    stateOf(row).loadResponse({
      eventId: String(row.event_id),
      kind: row.kind as ResponseKind,
      numerator: Number(row.numerator),
      denominator: Number(row.denominator),
      occurredAt: ms(row.occurred_at)!,
      posCommit: BigInt(String(row.pos_commit)),
      posPrepare: BigInt(String(row.pos_prepare)),
    });
  }
  const open = await tx.query<Row>(
    `select ${WARNING_SELECT} from ${table(WARNINGS_TABLE)} where project_id = any($1::text[]) and resolved_at is null`,
    ids,
  );
  for (const row of open) stateOf(row).loadOpen(warningFromRow(row));
  return states;
}

/**
 * Writes back what the batch changed: one statement per table (two for warnings). `existing` are
 * the ids of the warnings that were open before the batch.
 */
export async function saveProjectStates(
  tx: SqlExecutor,
  table: TableName,
  states: ReadonlyMap<string, ProjectState>,
  existing: ReadonlySet<string>,
): Promise<void> {
  const projects: Row[] = [];
  const activities: Row[] = [];
  const decisions: Row[] = [];
  const barriers: Row[] = [];
  const carers: Row[] = [];
  const responses: Row[] = [];
  const subjects: Row[] = [];
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
        activity_ids: decision.activityIds,
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
    const subject = (kind: string, ids: ReadonlySet<string>, of: ReadonlyMap<string, object>) => {
      for (const id of ids) subjects.push({ project_id: projectId, kind, subject_id: id, state: of.get(id)! });
    };
    subject('meeting', dirty.meetings, state.meetings);
    subject('partner', dirty.partners, state.partners);
    subject('suggestion', dirty.suggestions, state.suggestions);
    subject('invitation', dirty.invitations, state.invitations);
    subject('newcomer', dirty.newcomers, state.newcomers);
    subject('concern', dirty.concerns, state.concerns);
    subject('carer_request', dirty.carerRequests, state.carerRequests);
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
  // A project and its activities, decisions and barriers are keyed by their first column; the
  // batch's row replaces the stored one whole.
  const replace = (name: string, columns: ColumnTypes, rows: readonly Row[]) => {
    const [key, ...rest] = Object.keys(columns);
    return upsert(tx, table(name), columns, [key!], rest, rows);
  };
  await replace(WARNING_PROJECTS_TABLE, PROJECT_COLUMNS, projects);
  await replace(WARNING_ACTIVITIES_TABLE, ACTIVITY_COLUMNS, activities);
  await replace(WARNING_DECISIONS_TABLE, DECISION_COLUMNS, decisions);
  await replace(WARNING_BARRIERS_TABLE, BARRIER_COLUMNS, barriers);
  const carerKey = ['project_id', 'carer_id'];
  await upsert(tx, table(WARNING_CARERS_TABLE), CARER_COLUMNS, carerKey, ['first_attended_at'], carers);
  await upsert(tx, table(WARNING_RESPONSES_TABLE), RESPONSE_COLUMNS, ['event_id'], [], responses);
  const subjectKey = ['project_id', 'kind', 'subject_id'];
  await upsert(tx, table(WARNING_SUBJECTS_TABLE), SUBJECT_COLUMNS, subjectKey, ['state'], subjects);
  // Existing warnings first (a resolution frees its subject), then the new ones: the partial unique
  // index allows one open warning per project, rule and subject.
  const refreshed = [
    'severity',
    'message',
    'details',
    'related_ids',
    'resolved_at',
    'resolved_recorded_at',
    'resolved_by_event_id',
  ];
  await upsert(tx, table(WARNINGS_TABLE), WARNING_COLUMNS, ['id'], refreshed, changed);
  await upsert(tx, table(WARNINGS_TABLE), WARNING_COLUMNS, ['id'], [], created);
}

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
  const record = names.map((name) => `${name} ${columns[name]}`).join(', ');
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
