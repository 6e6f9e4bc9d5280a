import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { FactKind, SignalFact } from './fact-kinds.js';
import { bool, num, str } from '../shared/index.js';

/**
 * The columns an event's fact fills (the rest are null, `data` {}). `territory_id` is given only by
 * the handlers of events that name their territory themselves (see factHandlers).
 */
export type FactColumns = Partial<
  Omit<SignalFact, 'event_id' | 'pos_commit' | 'pos_prepare' | 'occurred_at' | 'recorded_at'>
> & {
  kind: FactKind;
  subject_id: string;
};

// Stored events are read defensively even though their data is typed: a fact written from an
// event recorded by an earlier release (or by hand) must come out the same on every replay, so a
// field of the wrong type or missing becomes null rather than a malformed column.

/** Mean of `answer / scaleMax` over the items: the normalised score of DOMAIN.md. */
export function normalisedScore(answers: unknown, scaleMax: unknown): number | null {
  if (!Array.isArray(answers) || answers.length === 0) return null;
  const max = num(scaleMax);
  if (max === null || max <= 0) return null;
  const values = answers.map(num);
  if (values.some((value) => value === null)) return null;
  return (values as number[]).reduce((sum, value) => sum + value / max, 0) / values.length;
}

/**
 * What each event type becomes; events of other types write no fact. A fact's territory is that of
 * its project, except for the events that name a territory themselves: a project's launch (which
 * places the project) and a territory's own events (which belong to no project). Their handlers
 * give `territory_id`.
 */
export const factHandlers = eventHandlers<PlatformEvent, void, FactColumns>({
  ProjectLaunched: ({ data: d }) => ({
    kind: 'project_launched',
    subject_id: String(d.projectId),
    territory_id: str(d.territoryId),
    amount: num(d.eligibleCarers),
    total: num(d.pilotMonths),
    data: { startsOn: d.startsOn ?? null, targets: d.targets ?? null },
  }),
  ProjectTargetsRevised: ({ data: d }) => ({
    kind: 'project_targets_revised',
    subject_id: String(d.projectId),
    data: { targets: d.targets ?? null },
  }),
  PilotExtended: ({ data: d }) => ({
    kind: 'pilot_extended',
    subject_id: String(d.projectId),
    amount: num(d.additionalMonths),
    total: num(d.pilotMonths),
  }),
  ProjectPhaseStarted: ({ data: d }) => ({
    kind: 'project_phase_started',
    subject_id: String(d.projectId),
    category: str(d.phase),
  }),
  TerritoryAdded: ({ data: d }) => ({
    kind: 'territory_added',
    subject_id: String(d.territoryId),
    territory_id: str(d.territoryId),
    detail: str(d.programmeId),
  }),
  TerritorySignalFrameworkAdopted: ({ data: d }) => ({
    kind: 'framework_adopted',
    subject_id: String(d.frameworkId),
    territory_id: str(d.territoryId),
    amount: num(d.version),
    detail: str(d.programmeId),
  }),
  CarerInvited: ({ data: d }) => ({
    kind: 'carer_invited',
    subject_id: String(d.invitationId),
    carer_id: str(d.carerId),
    organisation_id: str(d.invitedByOrganisationId),
    category: str(d.channel),
    amount: num(d.invitationNumber),
  }),
  CarerInvitationAccepted: ({ data: d }) => ({
    kind: 'invitation_answered',
    subject_id: String(d.invitationId),
    carer_id: str(d.carerId),
    category: str(d.channel),
    flag: true,
  }),
  CarerInvitationDeclined: ({ data: d }) => ({
    kind: 'invitation_answered',
    subject_id: String(d.invitationId),
    carer_id: str(d.carerId),
    category: str(d.channel),
    flag: false,
    detail: str(d.reason),
  }),
  CarerWithdrewFromProject: ({ data: d }) => ({
    kind: 'carer_withdrew',
    subject_id: String(d.carerId),
    carer_id: str(d.carerId),
    detail: str(d.reason),
  }),
  ActivityScheduled: ({ data: d }) => ({
    kind: 'activity_scheduled',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    organisation_id: str(d.organisingOrganisationId),
    category: str(d.kind),
    data: { scheduledFor: d.scheduledFor ?? null },
  }),
  ActivityRescheduled: ({ data: d }) => ({
    kind: 'activity_rescheduled',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    data: { scheduledFor: d.scheduledFor ?? null, previousScheduledFor: d.previousScheduledFor ?? null },
  }),
  ActivityCancelled: ({ data: d }) => ({
    kind: 'activity_cancelled',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    organisation_id: str(d.decidedByOrganisationId),
    category: str(d.decidedByRole),
    detail: str(d.reason),
    flag: bool(d.carersConsulted),
  }),
  ActivityCancellationContested: ({ data: d }) => ({
    kind: 'cancellation_contested',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    carer_id: str(d.contestedByCarerId),
    category: str(d.contestedByRole),
  }),
  ActivityHeld: ({ data: d }) => ({
    kind: 'activity_held',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    amount: num(d.durationMinutes),
    data: { startedAt: d.startedAt ?? null },
  }),
  CarerAttendedActivity: ({ data: d }) => ({
    kind: 'carer_attended',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    carer_id: str(d.carerId),
  }),
  PartnerRepresentativeAttendedActivity: ({ data: d }) => ({
    kind: 'partner_attended',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    organisation_id: str(d.organisationId),
    detail: str(d.memberId),
  }),
  UnderstandingQuizAnswered: ({ data: d }) => ({
    kind: 'quiz_answered',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    carer_id: str(d.carerId),
    category: str(d.phase),
    amount: num(d.correctAnswers),
    total: num(d.questionsAsked),
  }),
  SatisfactionSurveyAnswered: ({ data: d }) => ({
    kind: 'survey_answered',
    subject_id: String(d.activityId),
    activity_id: str(d.activityId),
    carer_id: str(d.carerId),
    detail: str(d.instrumentId),
    amount: normalisedScore(d.answers, d.scaleMax),
    total: Array.isArray(d.answers) ? d.answers.length : null,
  }),
  // An instrument belongs to no project: its fact says who answers it, so that a framework can be
  // checked against the instruments registered and its scores are suppressed when carers answer.
  SurveyInstrumentRegistered: ({ data: d }) => ({
    kind: 'instrument_registered',
    subject_id: String(d.instrumentId),
    territory_id: null,
    detail: str(d.instrumentId),
    // An event without the field (v1, read through the upcaster, or hand-made) is a carers' one.
    category: str(d.respondents) ?? 'carers',
    total: num(d.itemCount),
  }),
  InstrumentResponseRecorded: ({ data: d }) => {
    const respondent = (d.respondent ?? {}) as Record<string, unknown>;
    const isCarer = respondent['kind'] === 'carer';
    return {
      kind: 'instrument_answered',
      subject_id: String(d.responseId),
      carer_id: isCarer ? str(respondent['carerId']) : null,
      organisation_id: isCarer ? null : str(respondent['organisationId']),
      category: isCarer ? 'carers' : 'partner_members',
      detail: str(d.instrumentId),
      amount: normalisedScore(d.answers, d.scaleMax),
      total: Array.isArray(d.answers) ? d.answers.length : null,
    };
  },
  DecisionTaken: ({ data: d }) => ({
    kind: 'decision_taken',
    subject_id: String(d.decisionId),
    activity_id: str(Array.isArray(d.activityIds) ? d.activityIds[0] : null),
    organisation_id: str(d.decidedByOrganisationId),
    category: str(d.decidedByRole),
    flag: bool(d.carersConsulted),
    detail: str(d.carerInvolvement),
    data: { affectsCarers: bool(d.affectsCarers) },
  }),
  DecisionContested: ({ data: d }) => ({
    kind: 'decision_contested',
    subject_id: String(d.decisionId),
    carer_id: str(d.contestedByCarerId),
    category: str(d.contestedByRole),
  }),
  DecisionRevised: ({ data: d }) => ({
    kind: 'decision_revised',
    subject_id: String(d.decisionId),
    flag: bool(d.carersConsulted),
    detail: str(d.carerInvolvement),
  }),
  SuggestionMade: ({ data: d }) => ({
    kind: 'suggestion_made',
    subject_id: String(d.suggestionId),
    carer_id: str(d.carerId),
    organisation_id: str(d.organisationId),
    category: str(d.suggestedByRole),
    detail: str(d.topic),
  }),
  SuggestionAdopted: ({ data: d }) => ({
    kind: 'suggestion_adopted',
    subject_id: String(d.suggestionId),
    data: { decisionId: d.decisionId ?? null },
  }),
  SuggestionDeclined: ({ data: d }) => ({
    kind: 'suggestion_declined',
    subject_id: String(d.suggestionId),
    detail: str(d.reason),
  }),
  SuggestionImplemented: ({ data: d }) => ({ kind: 'suggestion_implemented', subject_id: String(d.suggestionId) }),
  OrganisationJoinedPartnership: ({ data: d }) => ({
    kind: 'partner_joined',
    subject_id: String(d.organisationId),
    organisation_id: str(d.organisationId),
    category: str(d.partnerRole),
  }),
  OrganisationLeftPartnership: ({ data: d }) => ({
    kind: 'partner_left',
    subject_id: String(d.organisationId),
    organisation_id: str(d.organisationId),
  }),
  PartnerRolesClarified: ({ data: d }) => ({
    kind: 'roles_clarified',
    subject_id: String(d.organisationId),
    organisation_id: str(d.organisationId),
    amount: Array.isArray(d.responsibilities) ? d.responsibilities.length : null,
  }),
  PartnerRolesFoundUnclear: ({ data: d }) => ({
    kind: 'roles_unclear',
    subject_id: String(d.organisationId),
    organisation_id: str(d.organisationId),
  }),
  CoordinationMeetingPlanned: ({ data: d }) => ({
    kind: 'meeting_planned',
    subject_id: String(d.meetingId),
    category: str(d.format),
    data: { scheduledFor: d.scheduledFor ?? null, cadence: d.cadence ?? null },
  }),
  CoordinationMeetingHeld: ({ data: d }) => ({
    kind: 'meeting_held',
    subject_id: String(d.meetingId),
    category: str(d.format),
    amount: num(d.durationMinutes),
    data: { organisations: Array.isArray(d.attendingOrganisationIds) ? d.attendingOrganisationIds : [] },
  }),
  CoordinationMeetingMissed: ({ data: d }) => ({
    kind: 'meeting_missed',
    subject_id: String(d.meetingId),
    detail: str(d.reason),
  }),
  CoordinationConcernRaised: ({ data: d }) => ({
    kind: 'concern_raised',
    subject_id: String(d.concernId),
    organisation_id: str(d.raisedByOrganisationId),
    category: str(d.category),
  }),
  CoordinationConcernResolved: ({ data: d }) => ({ kind: 'concern_resolved', subject_id: String(d.concernId) }),
  BarrierObserved: ({ data: d }) => ({
    kind: 'barrier_observed',
    subject_id: String(d.barrierId),
    category: str(d.code),
    detail: str(d.taxonomy),
    data: { stage: d.stage ?? null, level: d.level ?? null, inabilityKind: d.inabilityKind ?? null },
  }),
  AdjustmentActionTaken: ({ data: d }) => ({
    kind: 'barrier_adjusted',
    subject_id: String(d.barrierId),
    organisation_id: str(d.takenByOrganisationId),
  }),
  BarrierResolved: ({ data: d }) => ({ kind: 'barrier_resolved', subject_id: String(d.barrierId) }),
  BarrierReopened: ({ data: d }) => ({ kind: 'barrier_reopened', subject_id: String(d.barrierId) }),
  ObservationCoded: ({ data: d }) => ({
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
});
