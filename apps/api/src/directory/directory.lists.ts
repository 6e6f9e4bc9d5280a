import type {
  ActivityFilterInput,
  BarrierFilterInput,
  CarerFilterInput,
  CommitteeGoalFilterInput,
  CoordinationConcernFilterInput,
  CoordinationMeetingFilterInput,
  DecisionFilterInput,
  EvidenceFilterInput,
  InformationChannelFilterInput,
  ObservationFilterInput,
  OrganisationFilterInput,
  PartnerFilterInput,
  PartnerMemberFilterInput,
  ProjectFilterInput,
  SuggestionFilterInput,
  SurveyInstrumentFilterInput,
} from './filters.js';
import * as map from './directory.mappers.js';
import type { KeyedSpec, ListSpec, SqlParams } from './directory.reader.js';

/**
 * The lists and lookups the directory serves, over the views of the `directory` projection
 * (libs/read-models/src/directory). Filters are optional and combine with AND.
 */

type Conditions = Record<string, (value: never, params: SqlParams) => string>;

/** Builds the WHERE conditions for the filter fields that are set. */
function conditions<F extends object>(filter: F | null | undefined, params: SqlParams, build: Conditions): string[] {
  if (!filter) return [];
  return Object.entries(build).flatMap(([field, condition]) => {
    const value = (filter as Record<string, unknown>)[field];
    return value === null || value === undefined ? [] : [condition(value as never, params)];
  });
}

const equals =
  (column: string, cast = 'text') =>
  (value: unknown, params: SqlParams) =>
    `t.${column} = ${params.add(value, cast)}`;
const containsText = (column: string) => (value: string, params: SqlParams) =>
  `strpos(lower(t.${column}), lower(${params.add(value, 'text')})) > 0`;

/**
 * Only the projects a caller is a member of (set by the resolver from the verified caller, never
 * by the client): an organisation sees those it launched or partners in now, a carer their own.
 */
const visibleProjects = (access: ProjectVisibility, params: SqlParams) =>
  'carerId' in access
    ? `exists (select 1 from rm_carers c where c.project_id = t.project_id and c.carer_id = ${params.add(access.carerId, 'text')})`
    : `(t.launched_by_organisation_id = ${params.add(access.organisationId, 'text')} or exists (
        select 1 from rm_partners p where p.project_id = t.project_id and p.status = 'current'
          and p.organisation_id = ${params.add(access.organisationId, 'text')}))`;

/** Carers' columns without the personal-data envelope: only whether one is held leaves the database. */
const CARER_COLUMNS = `t.carer_id, t.project_id, t.pseudonym, t.registered_by_organisation_id, t.registered_at,
  t.gender, t.age_band, t.weekly_care_hours, t.stress_level, t.area, t.relationship,
  t.participation_status, t.invitation_count, t.last_invited_at, t.last_invitation_channel, t.referred_by_carer_id,
  t.accepted_at, t.accepted_channel, t.last_declined_at, t.last_decline_reason, t.withdrawn_at, t.withdrawal_reason,
  t.consent_participation, t.consent_audio_recording, t.consent_data_processing,
  t.erased, t.erased_at, (t.personal_data is not null) as has_personal_data`;

// ---- Top-level lists ----

export type ProjectVisibility = { readonly organisationId: string } | { readonly carerId: string };

export const projectsList: ListSpec<
  (ProjectFilterInput & { visibleTo?: ProjectVisibility }) | null,
  ReturnType<typeof map.toProject>
> = {
  name: 'projects',
  from: 'rm_projects t',
  columns: 't.*',
  parent: null,
  order: [
    { column: 'name', type: 'text' },
    { column: 'project_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      visibleTo: visibleProjects,
      programmeId: equals('programme_id'),
      territoryId: equals('territory_id'),
      phase: equals('phase'),
      nameContains: containsText('name'),
    }),
  map: map.toProject,
};

export const programmesList: ListSpec<null, ReturnType<typeof map.toProgramme>> = {
  name: 'programmes',
  from: 'rm_programmes t',
  columns: 't.*',
  parent: null,
  order: [
    { column: 'name', type: 'text' },
    { column: 'programme_id', type: 'text' },
  ],
  where: () => [],
  map: map.toProgramme,
};

export const organisationsList: ListSpec<OrganisationFilterInput | null, ReturnType<typeof map.toOrganisation>> = {
  name: 'organisations',
  from: 'rm_organisations t',
  columns: 't.*',
  parent: null,
  order: [
    { column: 'name', type: 'text' },
    { column: 'organisation_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { kind: equals('kind'), nameContains: containsText('name') }),
  map: map.toOrganisation,
};

export const surveyInstrumentsList: ListSpec<
  SurveyInstrumentFilterInput | null,
  ReturnType<typeof map.toSurveyInstrument>
> = {
  name: 'surveyInstruments',
  from: 'rm_survey_instruments t',
  columns: 't.*',
  parent: null,
  order: [
    { column: 'name', type: 'text' },
    { column: 'instrument_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { measures: equals('measures'), status: equals('status') }),
  map: map.toSurveyInstrument,
};

// ---- Lists of a project ----

export const partnersList: ListSpec<PartnerFilterInput | null, ReturnType<typeof map.toPartner>> = {
  name: 'partners',
  from: 'rm_partners t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'joined_at', type: 'timestamptz' },
    { column: 'organisation_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      role: equals('partner_role'),
      status: equals('status'),
      rolesStatus: equals('roles_status'),
    }),
  map: map.toPartner,
};

export const membersList: ListSpec<PartnerMemberFilterInput | null, ReturnType<typeof map.toPartnerMember>> = {
  name: 'members',
  from: 'rm_partner_members t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'organisation_id', type: 'text' },
    { column: 'member_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      organisationId: equals('organisation_id'),
      role: equals('member_role'),
      status: equals('status'),
    }),
  map: map.toPartnerMember,
};

export const carersList: ListSpec<CarerFilterInput | null, ReturnType<typeof map.toCarer>> = {
  name: 'carers',
  from: 'rm_carers t',
  columns: CARER_COLUMNS,
  parent: 'project_id',
  order: [
    { column: 'pseudonym', type: 'text' },
    { column: 'carer_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      status: equals('participation_status'),
      area: equals('area'),
      gender: equals('gender'),
      ageBand: equals('age_band'),
      stressLevel: equals('stress_level'),
      relationship: equals('relationship'),
      erased: equals('erased', 'boolean'),
    }),
  map: map.toCarer,
};

export const activitiesList: ListSpec<ActivityFilterInput | null, ReturnType<typeof map.toActivity>> = {
  name: 'activities',
  from: 'rm_activities t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'scheduled_for', type: 'timestamptz' },
    { column: 'activity_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      kind: equals('kind'),
      status: equals('status'),
      from: (value: Date, p) => `t.scheduled_for >= ${p.add(value.toISOString(), 'timestamptz')}`,
      to: (value: Date, p) => `t.scheduled_for < ${p.add(value.toISOString(), 'timestamptz')}`,
    }),
  map: map.toActivity,
};

export const decisionsList: ListSpec<DecisionFilterInput | null, ReturnType<typeof map.toDecision>> = {
  name: 'decisions',
  from: 'rm_decisions t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'taken_at', type: 'timestamptz' },
    { column: 'decision_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      decidedByRole: equals('decided_by_role'),
      status: equals('status'),
      affectsCarers: equals('affects_carers', 'boolean'),
      carersConsulted: equals('carers_consulted', 'boolean'),
      contested: (value: boolean) => (value ? 't.contested_count > 0' : 't.contested_count = 0'),
    }),
  map: map.toDecision,
};

export const suggestionsList: ListSpec<SuggestionFilterInput | null, ReturnType<typeof map.toSuggestion>> = {
  name: 'suggestions',
  from: 'rm_suggestions t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'made_at', type: 'timestamptz' },
    { column: 'suggestion_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      status: equals('status'),
      topic: equals('topic'),
      suggestedByRole: equals('suggested_by_role'),
    }),
  map: map.toSuggestion,
};

export const evidenceList: ListSpec<EvidenceFilterInput | null, ReturnType<typeof map.toEvidence>> = {
  name: 'evidence',
  from: 'rm_evidence t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'recorded_at', type: 'timestamptz' },
    { column: 'evidence_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { kind: equals('kind'), phase: equals('phase') }),
  map: map.toEvidence,
};

export const observationsList: ListSpec<ObservationFilterInput | null, ReturnType<typeof map.toObservation>> = {
  name: 'observations',
  from: 'rm_observations t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'coded_at', type: 'timestamptz' },
    { column: 'evidence_id', type: 'text' },
    { column: 'observation_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      taxonomy: equals('taxonomy'),
      code: equals('code'),
      kind: equals('kind'),
      stage: equals('stage'),
      level: equals('level'),
      evidenceKind: equals('evidence_kind'),
      phase: equals('phase'),
    }),
  map: map.toObservation,
};

export const barriersList: ListSpec<BarrierFilterInput | null, ReturnType<typeof map.toBarrier>> = {
  name: 'barriers',
  from: 'rm_barriers t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'observed_at', type: 'timestamptz' },
    { column: 'barrier_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      status: equals('status'),
      taxonomy: equals('taxonomy'),
      code: equals('code'),
      stage: equals('stage'),
      level: equals('level'),
    }),
  map: map.toBarrier,
};

export const coordinationMeetingsList: ListSpec<
  CoordinationMeetingFilterInput | null,
  ReturnType<typeof map.toCoordinationMeeting>
> = {
  name: 'coordinationMeetings',
  from: 'rm_coordination_meetings t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'scheduled_for', type: 'timestamptz' },
    { column: 'meeting_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { status: equals('status') }),
  map: map.toCoordinationMeeting,
};

export const coordinationConcernsList: ListSpec<
  CoordinationConcernFilterInput | null,
  ReturnType<typeof map.toCoordinationConcern>
> = {
  name: 'coordinationConcerns',
  from: 'rm_coordination_concerns t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'raised_at', type: 'timestamptz' },
    { column: 'concern_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { status: equals('status'), category: equals('category') }),
  map: map.toCoordinationConcern,
};

export const committeeGoalsList: ListSpec<CommitteeGoalFilterInput | null, ReturnType<typeof map.toCommitteeGoal>> = {
  name: 'committeeGoals',
  from: 'rm_committee_goals t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'defined_at', type: 'timestamptz' },
    { column: 'goal_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      outcome: equals('outcome'),
      assessed: (value: boolean) => (value ? 't.outcome is not null' : 't.outcome is null'),
    }),
  map: map.toCommitteeGoal,
};

export const informationChannelsList: ListSpec<
  InformationChannelFilterInput | null,
  ReturnType<typeof map.toInformationChannel>
> = {
  name: 'informationChannels',
  from: 'rm_information_channels t',
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'registered_at', type: 'timestamptz' },
    { column: 'channel_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { kind: equals('kind'), status: equals('status') }),
  map: map.toInformationChannel,
};

// ---- Lookups by key ----

const byKey = <N>(
  from: string,
  key: readonly string[],
  orderBy: string,
  mapRow: (row: map.Row) => N,
  columns = 't.*',
) => ({ from, columns, key, orderBy, map: mapRow }) satisfies KeyedSpec<N>;

export const projectById = byKey('rm_projects t', ['project_id'], 't.project_id', map.toProject);
export const programmeById = byKey('rm_programmes t', ['programme_id'], 't.programme_id', map.toProgramme);
export const territoryByKey = byKey(
  'rm_territories t',
  ['programme_id', 'territory_id'],
  't.territory_id',
  map.toTerritory,
);
export const territoriesOfProgramme = byKey(
  'rm_territories t',
  ['programme_id'],
  't.name, t.territory_id',
  map.toTerritory,
);
export const organisationById = byKey(
  'rm_organisations t',
  ['organisation_id'],
  't.organisation_id',
  map.toOrganisation,
);
export const surveyInstrumentById = byKey(
  'rm_survey_instruments t',
  ['instrument_id'],
  't.instrument_id',
  map.toSurveyInstrument,
);
export const carerById = byKey('rm_carers t', ['carer_id'], 't.carer_id', map.toCarer, CARER_COLUMNS);
export const activityById = byKey('rm_activities t', ['activity_id'], 't.activity_id', map.toActivity);
export const decisionById = byKey('rm_decisions t', ['decision_id'], 't.decision_id', map.toDecision);
export const evidenceById = byKey('rm_evidence t', ['evidence_id'], 't.evidence_id', map.toEvidence);
export const barrierById = byKey('rm_barriers t', ['barrier_id'], 't.barrier_id', map.toBarrier);

export const membersOfPartner = byKey(
  'rm_partner_members t',
  ['project_id', 'organisation_id'],
  't.member_id',
  map.toPartnerMember,
);
export const invitationsOfCarer = byKey(
  'rm_carer_invitations t',
  ['carer_id'],
  't.invitation_number',
  map.toCarerInvitation,
);
/** Registrations and attendance of an activity, with each carer's pseudonym. */
export const carersOfActivity = byKey(
  'rm_activity_carers t left join rm_carers c on c.carer_id = t.carer_id',
  ['activity_id'],
  'c.pseudonym nulls last, t.carer_id',
  (row) => ({
    registration: row.registration_status === null ? null : map.toActivityRegistration(row),
    attendance: row.attended === true ? map.toCarerAttendance(row) : null,
  }),
  't.*, c.pseudonym',
);
export const representativesOfActivity = byKey(
  'rm_activity_representatives t',
  ['activity_id'],
  't.organisation_id, t.member_id',
  map.toRepresentativeAttendance,
);
export const quizzesOfActivity = byKey(
  'rm_activity_quizzes t',
  ['activity_id'],
  `case t.phase when 'before' then 0 else 1 end`,
  map.toQuizSummary,
);
export const surveysOfActivity = byKey(
  'rm_activity_surveys t',
  ['activity_id'],
  't.instrument_id',
  map.toSurveySummary,
);
export const decisionsOfActivity = byKey(
  'rm_decisions t',
  ['activity_id'],
  't.taken_at, t.decision_id',
  map.toDecision,
);
export const observationsOfEvidence = byKey(
  'rm_observations t',
  ['evidence_id'],
  't.coded_at, t.observation_id',
  map.toObservation,
);
export const actionsOfBarrier = byKey(
  'rm_adjustment_actions t',
  ['barrier_id'],
  't.taken_at, t.action_id',
  map.toAdjustmentAction,
);
export const readingsOfChannel = byKey(
  'rm_channel_readings t',
  ['channel_id'],
  't.period_start, t.event_id',
  map.toChannelReading,
);
