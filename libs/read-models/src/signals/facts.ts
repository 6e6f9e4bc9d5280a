import type { RecordedEvent } from '#event-store';

/**
 * One time-indexed fact per relevant event. A fact carries only what its own event says (plus the
 * territory of its project), never state folded from other events: attributes of a subject (an
 * activity's kind, a decision's reach, a suggestion's author, a barrier's code) are joined at query
 * time from the subject's own fact, under the same `asOf`/`knownAt` visibility. That is what makes
 * time travel exact: the facts visible at T are exactly the facts a replay of the events visible at
 * T would write, whatever order history was entered in.
 *
 * Generic columns, whose meaning per kind is listed in FACT_KINDS below and in docs/signals.md.
 */
export interface SignalFact {
  event_id: string;
  pos_commit: string;
  pos_prepare: string;
  project_id: string | null;
  territory_id: string | null;
  kind: FactKind;
  subject_id: string;
  carer_id: string | null;
  activity_id: string | null;
  organisation_id: string | null;
  category: string | null;
  detail: string | null;
  flag: boolean | null;
  amount: number | null;
  total: number | null;
  occurred_at: string;
  recorded_at: string;
  data: Record<string, unknown>;
}

/** Fact kinds and, per kind, what the generic columns hold. */
export const FACT_KINDS = {
  project_launched: 'subject=project, amount=eligible carers, total=pilot months, data={startsOn, targets}',
  project_targets_revised: 'subject=project, data={targets}',
  pilot_extended: 'subject=project, amount=additional months, total=pilot months',
  project_phase_started: 'subject=project, category=phase',
  territory_added: 'subject=territory, detail=programme (no project)',
  framework_adopted: 'subject=framework id, amount=version, detail=programme (no project)',
  carer_invited: 'subject=invitation, carer, organisation=inviting, category=channel, amount=invitation number',
  invitation_answered: 'subject=invitation, carer, category=channel, flag=accepted, detail=decline reason',
  carer_withdrew: 'subject=carer, carer, detail=reason',
  activity_scheduled: 'subject=activity, organisation=organiser, category=activity kind, data={scheduledFor}',
  activity_rescheduled: 'subject=activity, data={scheduledFor, previousScheduledFor}',
  activity_cancelled:
    'subject=activity, organisation=deciding, category=decided by role, detail=reason, flag=carers consulted (null: unknown)',
  activity_held: 'subject=activity, amount=duration minutes, data={startedAt}',
  carer_attended: 'subject=activity, carer',
  partner_attended: 'subject=activity, organisation, detail=member',
  quiz_answered:
    'subject=activity, carer, category=phase (before/after), amount=correct answers, total=questions asked',
  survey_answered:
    'subject=activity, carer (null: anonymous), detail=instrument, amount=normalised score (mean of answer/scale max), total=items',
  decision_taken:
    'subject=decision, organisation=deciding, category=decided by role, flag=carers consulted, data={affectsCarers}',
  decision_contested: 'subject=decision, carer=contesting carer, category=contester role',
  decision_revised: 'subject=decision, flag=carers consulted',
  suggestion_made: 'subject=suggestion, carer, organisation, category=suggester role, detail=topic',
  suggestion_adopted: 'subject=suggestion',
  suggestion_declined: 'subject=suggestion, detail=reason',
  suggestion_implemented: 'subject=suggestion',
  partner_joined: 'subject=organisation, organisation, category=partner role',
  partner_left: 'subject=organisation, organisation',
  roles_clarified: 'subject=organisation, organisation, amount=responsibilities listed',
  roles_unclear: 'subject=organisation, organisation',
  meeting_planned: 'subject=coordination meeting, category=format, data={scheduledFor, cadence}',
  meeting_held: 'subject=coordination meeting, category=format, amount=duration, data={organisations}',
  meeting_missed: 'subject=coordination meeting, detail=reason',
  concern_raised: 'subject=concern, organisation=raising, category=concern category',
  concern_resolved: 'subject=concern',
  barrier_observed: 'subject=barrier, category=code, detail=taxonomy, data={stage, level, inabilityKind}',
  barrier_adjusted: 'subject=barrier, organisation=acting',
  barrier_resolved: 'subject=barrier',
  barrier_reopened: 'subject=barrier',
  observation_coded:
    'subject=observation, category=observation kind, detail=code, data={taxonomy, stage, level, evidenceKind, phase}',
} as const;
export type FactKind = keyof typeof FACT_KINDS;

type Data = Record<string, unknown>;
type Columns = Partial<Omit<SignalFact, 'event_id' | 'pos_commit' | 'pos_prepare' | 'occurred_at' | 'recorded_at'>> & {
  kind: FactKind;
  subject_id: string;
};

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/** Mean of `answer / scaleMax` over the items: the normalised score of DOMAIN.md. */
export function normalisedScore(answers: unknown, scaleMax: unknown): number | null {
  if (!Array.isArray(answers) || answers.length === 0) return null;
  const max = num(scaleMax);
  if (max === null || max <= 0) return null;
  const values = answers.map(num);
  if (values.some((value) => value === null)) return null;
  return (values as number[]).reduce((sum, value) => sum + value / max, 0) / values.length;
}

/** What each event type becomes; events of other types write no fact. */
const MAPPERS: Record<string, (d: Data) => Columns> = {
  ProjectLaunched: (d) => ({
    kind: 'project_launched',
    subject_id: String(d.projectId),
    amount: num(d.eligibleCarers),
    total: num(d.pilotMonths),
    data: { startsOn: d.startsOn ?? null, targets: d.targets ?? null },
  }),
  ProjectTargetsRevised: (d) => ({
    kind: 'project_targets_revised',
    subject_id: String(d.projectId),
    data: { targets: d.targets ?? null },
  }),
  PilotExtended: (d) => ({
    kind: 'pilot_extended',
    subject_id: String(d.projectId),
    amount: num(d.additionalMonths),
    total: num(d.pilotMonths),
  }),
  ProjectPhaseStarted: (d) => ({
    kind: 'project_phase_started',
    subject_id: String(d.projectId),
    category: str(d.phase),
  }),
  TerritoryAdded: (d) => ({ kind: 'territory_added', subject_id: String(d.territoryId), detail: str(d.programmeId) }),
  TerritorySignalFrameworkAdopted: (d) => ({
    kind: 'framework_adopted',
    subject_id: String(d.frameworkId),
    amount: num(d.version),
    detail: str(d.programmeId),
  }),
  CarerInvited: (d) => ({
    kind: 'carer_invited',
    subject_id: String(d.invitationId),
    carer_id: str(d.carerId),
    organisation_id: str(d.invitedByOrganisationId),
    category: str(d.channel),
    amount: num(d.invitationNumber),
  }),
  CarerInvitationAccepted: (d) => ({
    kind: 'invitation_answered',
    subject_id: String(d.invitationId),
    carer_id: str(d.carerId),
    category: str(d.channel),
    flag: true,
  }),
  CarerInvitationDeclined: (d) => ({
    kind: 'invitation_answered',
    subject_id: String(d.invitationId),
    carer_id: str(d.carerId),
    category: str(d.channel),
    flag: false,
    detail: str(d.reason),
  }),
  CarerWithdrewFromProject: (d) => ({
    kind: 'carer_withdrew',
    subject_id: String(d.carerId),
    carer_id: str(d.carerId),
    detail: str(d.reason),
  }),
  ActivityScheduled: (d) => ({
    kind: 'activity_scheduled',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    organisation_id: str(d.organisingOrganisationId),
    category: str(d.kind),
    data: { scheduledFor: d.scheduledFor ?? null },
  }),
  ActivityRescheduled: (d) => ({
    kind: 'activity_rescheduled',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    data: { scheduledFor: d.scheduledFor ?? null, previousScheduledFor: d.previousScheduledFor ?? null },
  }),
  ActivityCancelled: (d) => ({
    kind: 'activity_cancelled',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    organisation_id: str(d.decidedByOrganisationId),
    category: str(d.decidedByRole),
    detail: str(d.reason),
    flag: bool(d.carersConsulted),
  }),
  ActivityHeld: (d) => ({
    kind: 'activity_held',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    amount: num(d.durationMinutes),
    data: { startedAt: d.startedAt ?? null },
  }),
  CarerAttendedActivity: (d) => ({
    kind: 'carer_attended',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    carer_id: str(d.carerId),
  }),
  PartnerRepresentativeAttendedActivity: (d) => ({
    kind: 'partner_attended',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    organisation_id: str(d.organisationId),
    detail: str(d.memberId),
  }),
  UnderstandingQuizAnswered: (d) => ({
    kind: 'quiz_answered',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    carer_id: str(d.carerId),
    category: str(d.phase),
    amount: num(d.correctAnswers),
    total: num(d.questionsAsked),
  }),
  SatisfactionSurveyAnswered: (d) => ({
    kind: 'survey_answered',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    carer_id: str(d.carerId),
    detail: str(d.instrumentId),
    amount: normalisedScore(d.answers, d.scaleMax),
    total: Array.isArray(d.answers) ? d.answers.length : null,
  }),
  DecisionTaken: (d) => ({
    kind: 'decision_taken',
    subject_id: String(d.decisionId),
    activity_id: str(d.activityId),
    organisation_id: str(d.decidedByOrganisationId),
    category: str(d.decidedByRole),
    flag: bool(d.carersConsulted),
    data: { affectsCarers: bool(d.affectsCarers) },
  }),
  DecisionContested: (d) => ({
    kind: 'decision_contested',
    subject_id: String(d.decisionId),
    carer_id: str(d.contestedByCarerId),
    category: str(d.contestedByRole),
  }),
  DecisionRevised: (d) => ({
    kind: 'decision_revised',
    subject_id: String(d.decisionId),
    flag: bool(d.carersConsulted),
  }),
  SuggestionMade: (d) => ({
    kind: 'suggestion_made',
    subject_id: String(d.suggestionId),
    carer_id: str(d.carerId),
    organisation_id: str(d.organisationId),
    category: str(d.suggestedByRole),
    detail: str(d.topic),
  }),
  SuggestionAdopted: (d) => ({
    kind: 'suggestion_adopted',
    subject_id: String(d.suggestionId),
    data: { decisionId: d.decisionId ?? null },
  }),
  SuggestionDeclined: (d) => ({
    kind: 'suggestion_declined',
    subject_id: String(d.suggestionId),
    detail: str(d.reason),
  }),
  SuggestionImplemented: (d) => ({ kind: 'suggestion_implemented', subject_id: String(d.suggestionId) }),
  OrganisationJoinedPartnership: (d) => ({
    kind: 'partner_joined',
    subject_id: String(d.organisationId),
    organisation_id: str(d.organisationId),
    category: str(d.partnerRole),
  }),
  OrganisationLeftPartnership: (d) => ({
    kind: 'partner_left',
    subject_id: String(d.organisationId),
    organisation_id: str(d.organisationId),
  }),
  PartnerRolesClarified: (d) => ({
    kind: 'roles_clarified',
    subject_id: String(d.organisationId),
    organisation_id: str(d.organisationId),
    amount: Array.isArray(d.responsibilities) ? d.responsibilities.length : null,
  }),
  PartnerRolesFoundUnclear: (d) => ({
    kind: 'roles_unclear',
    subject_id: String(d.organisationId),
    organisation_id: str(d.organisationId),
  }),
  CoordinationMeetingPlanned: (d) => ({
    kind: 'meeting_planned',
    subject_id: String(d.meetingId),
    category: str(d.format),
    data: { scheduledFor: d.scheduledFor ?? null, cadence: d.cadence ?? null },
  }),
  CoordinationMeetingHeld: (d) => ({
    kind: 'meeting_held',
    subject_id: String(d.meetingId),
    category: str(d.format),
    amount: num(d.durationMinutes),
    data: { organisations: Array.isArray(d.attendingOrganisationIds) ? d.attendingOrganisationIds : [] },
  }),
  CoordinationMeetingMissed: (d) => ({
    kind: 'meeting_missed',
    subject_id: String(d.meetingId),
    detail: str(d.reason),
  }),
  CoordinationConcernRaised: (d) => ({
    kind: 'concern_raised',
    subject_id: String(d.concernId),
    organisation_id: str(d.raisedByOrganisationId),
    category: str(d.category),
  }),
  CoordinationConcernResolved: (d) => ({ kind: 'concern_resolved', subject_id: String(d.concernId) }),
  BarrierObserved: (d) => ({
    kind: 'barrier_observed',
    subject_id: String(d.barrierId),
    category: str(d.code),
    detail: str(d.taxonomy),
    data: { stage: d.stage ?? null, level: d.level ?? null, inabilityKind: d.inabilityKind ?? null },
  }),
  AdjustmentActionTaken: (d) => ({
    kind: 'barrier_adjusted',
    subject_id: String(d.barrierId),
    organisation_id: str(d.takenByOrganisationId),
  }),
  BarrierResolved: (d) => ({ kind: 'barrier_resolved', subject_id: String(d.barrierId) }),
  BarrierReopened: (d) => ({ kind: 'barrier_reopened', subject_id: String(d.barrierId) }),
  ObservationCoded: (d) => ({
    kind: 'observation_coded',
    subject_id: `${String(d.evidenceId)}/${String(d.observationId)}`,
    category: str(d.kind),
    detail: str(d.code),
    data: {
      taxonomy: d.taxonomy ?? null,
      stage: d.stage ?? null,
      level: d.level ?? null,
      evidenceKind: d.evidenceKind ?? null,
      phase: d.phase ?? null,
    },
  }),
};

/** The event types the signal-facts projection subscribes to. */
export const SIGNAL_FACT_EVENT_TYPES: readonly string[] = Object.keys(MAPPERS);

/**
 * The fact an event becomes, or null. `territoryOf` answers the territory of a project as the
 * projection knows it at this point of the log (from the project's launch).
 */
export function factOf(event: RecordedEvent, territoryOf: (projectId: string) => string | null): SignalFact | null {
  const mapper = MAPPERS[event.type];
  if (!mapper) return null;
  const data = event.data as Data;
  const columns = mapper(data);
  const projectId = typeof data.projectId === 'string' ? data.projectId : null;
  let territoryId: string | null;
  if (
    event.type === 'ProjectLaunched' ||
    event.type === 'TerritoryAdded' ||
    event.type === 'TerritorySignalFrameworkAdopted'
  ) {
    territoryId = str(data.territoryId);
  } else {
    territoryId = (projectId && territoryOf(projectId)) ?? event.metadata.territoryId ?? null;
  }
  return {
    event_id: event.id,
    pos_commit: event.position.commit.toString(),
    pos_prepare: event.position.prepare.toString(),
    project_id: projectId,
    territory_id: territoryId,
    carer_id: null,
    activity_id: null,
    organisation_id: null,
    category: null,
    detail: null,
    flag: null,
    amount: null,
    total: null,
    data: {},
    ...columns,
    occurred_at: event.occurredAt.toISOString(),
    recorded_at: event.recordedAt.toISOString(),
  };
}
