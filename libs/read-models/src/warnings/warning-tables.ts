import type { ReadModelTable } from '#projections';

/**
 * The warnings projection's tables (docs/warnings.md): the warnings, and the minimal state of each
 * project the rules need, so the projection reads no other projection's tables.
 */

export const WARNINGS_TABLE = 'rm_warnings';
export const WARNING_PROJECTS_TABLE = 'rm_warning_projects';
export const WARNING_ACTIVITIES_TABLE = 'rm_warning_activities';
export const WARNING_DECISIONS_TABLE = 'rm_warning_decisions';
export const WARNING_BARRIERS_TABLE = 'rm_warning_barriers';
export const WARNING_CARERS_TABLE = 'rm_warning_carers';
export const WARNING_RESPONSES_TABLE = 'rm_warning_responses';
/**
 * Coordination meetings, partners, suggestions, invitations, newcomers, coordination concerns and
 * carers' requests: one row per subject, its state as JSON.
 */
export const WARNING_SUBJECTS_TABLE = 'rm_warning_subjects';

/** The columns of each table and their SQL types, as the batch writes them (warning-state-store.ts). */
export const WARNING_COLUMNS = {
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

export const PROJECT_COLUMNS = {
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

export const ACTIVITY_COLUMNS = {
  activity_id: 'text',
  project_id: 'text',
  kind: 'text',
  scheduled_for: 'timestamptz',
  status: 'text',
  decided_at: 'timestamptz',
  carers_consulted: 'boolean',
} as const;

export const DECISION_COLUMNS = {
  decision_id: 'text',
  project_id: 'text',
  affects_carers: 'boolean',
  carers_consulted: 'boolean',
  activity_ids: 'jsonb',
} as const;

export const BARRIER_COLUMNS = {
  barrier_id: 'text',
  project_id: 'text',
  code: 'text',
  open: 'boolean',
  open_since: 'timestamptz',
} as const;

export const CARER_COLUMNS = { project_id: 'text', carer_id: 'text', first_attended_at: 'timestamptz' } as const;

export const RESPONSE_COLUMNS = {
  event_id: 'uuid',
  project_id: 'text',
  kind: 'text',
  numerator: 'double precision',
  denominator: 'double precision',
  occurred_at: 'timestamptz',
  pos_commit: 'numeric',
  pos_prepare: 'numeric',
} as const;

export const SUBJECT_COLUMNS = { project_id: 'text', kind: 'text', subject_id: 'text', state: 'jsonb' } as const;

/** A table of one kind of a project's subjects (activities, decisions, barriers): keyed by the subject, read by project. */
function subjectTable(name: string, idColumn: string, columns: readonly string[]): ReadModelTable {
  return {
    name,
    create: (t) => `
      create table ${t} (
        ${idColumn} text primary key,
        project_id text not null,
        ${columns.join(',\n        ')}
      );
      create index ${t}_project on ${t} (project_id);`,
  };
}

export const WARNING_TABLES: readonly ReadModelTable[] = [
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
  subjectTable(WARNING_ACTIVITIES_TABLE, 'activity_id', [
    'kind text',
    'scheduled_for timestamptz',
    'status text not null',
    'decided_at timestamptz',
    'carers_consulted boolean',
  ]),
  subjectTable(WARNING_DECISIONS_TABLE, 'decision_id', [
    'affects_carers boolean not null',
    'carers_consulted boolean not null',
    "activity_ids jsonb not null default '[]'",
  ]),
  subjectTable(WARNING_BARRIERS_TABLE, 'barrier_id', ['code text', 'open boolean not null', 'open_since timestamptz']),
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
  {
    name: WARNING_SUBJECTS_TABLE,
    create: (t) => `
      create table ${t} (
        project_id text not null,
        kind text not null,
        subject_id text not null,
        state jsonb not null,
        primary key (project_id, kind, subject_id)
      );`,
  },
];
