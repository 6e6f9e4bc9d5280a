import type {
  Activity,
  ActivityRegistration,
  CarerAttendance,
  QuizSummary,
  RepresentativeAttendance,
  SurveySummary,
} from './models/activity.models.js';
import type { Carer, CarerInvitation } from './models/carer.models.js';
import type { Organisation, Programme, SurveyInstrument, Territory } from './models/catalogue.models.js';
import type {
  ChannelReading,
  CommitteeGoal,
  Decision,
  InformationChannel,
  Suggestion,
} from './models/engagement.models.js';
import type { AdjustmentAction, Barrier, Evidence, Observation, ObservationRef } from './models/evidence.models.js';
import type { CoordinationConcern, CoordinationMeeting, Partner, PartnerMember } from './models/partnership.models.js';
import type { Project } from './models/project.models.js';

/** A row of a read-model view, as the driver returns it (timestamps as Date, jsonb parsed). */
export type Row = Readonly<Record<string, unknown>>;

const text = (value: unknown) => value as string;
const textOrNull = (value: unknown) => (value ?? null) as string | null;
const int = (value: unknown) => Number(value);
const intOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const float = (value: unknown) => Number(value);
const date = (value: unknown) => (value instanceof Date ? value : new Date(value as string));
const dateOrNull = (value: unknown) => (value === null || value === undefined ? null : date(value));
const bool = (value: unknown) => value === true;
const boolOrNull = (value: unknown) => (value === null || value === undefined ? null : value === true);
const DAY_MS = 86_400_000;

export const toProgramme = (row: Row): Programme => ({
  id: text(row.programme_id),
  name: text(row.name),
  launchedAt: date(row.launched_at),
});

export const toTerritory = (row: Row): Territory => ({
  id: text(row.territory_id),
  programmeId: text(row.programme_id),
  name: text(row.name),
  localGovernance: text(row.local_governance),
  serviceVariant: text(row.service_variant),
  addedAt: date(row.added_at),
  framework:
    row.framework_id === null
      ? null
      : {
          frameworkId: text(row.framework_id),
          version: int(row.framework_version),
          adoptedAt: date(row.framework_adopted_at),
        },
});

export const toOrganisation = (row: Row): Organisation => ({
  id: text(row.organisation_id),
  name: text(row.name),
  kind: text(row.kind),
  culture: textOrNull(row.culture),
  registeredAt: date(row.registered_at),
});

export const toSurveyInstrument = (row: Row): SurveyInstrument => ({
  id: text(row.instrument_id),
  name: text(row.name),
  description: textOrNull(row.description),
  measures: text(row.measures),
  itemCount: int(row.item_count),
  scale: {
    minimum: int(row.scale_minimum),
    maximum: int(row.scale_maximum),
    labels: (row.scale_labels ?? null) as SurveyInstrument['scale']['labels'],
  },
  status: text(row.status),
  registeredAt: date(row.registered_at),
  retiredAt: dateOrNull(row.retired_at),
  retirementReason: textOrNull(row.retirement_reason),
});

export const toProject = (row: Row): Project => ({
  id: text(row.project_id),
  name: text(row.name),
  programmeId: textOrNull(row.programme_id),
  territoryId: text(row.territory_id),
  phase: text(row.phase),
  phaseStartedAt: date(row.phase_started_at),
  eligibleCarers: int(row.eligible_carers),
  pilotMonths: int(row.pilot_months),
  pilotExtensions: int(row.pilot_extensions),
  startsOn: text(row.starts_on),
  launchedAt: date(row.launched_at),
  targets: {
    reachShare: float(row.target_reach_share),
    trainingCoursesPerMonth: int(row.target_training_courses_per_month),
    peerMeetingsPerMonth: int(row.target_peer_meetings_per_month),
    committeeEveryMonths: int(row.target_committee_every_months),
    satisfactionThreshold: float(row.target_satisfaction_threshold),
    understandingThreshold: float(row.target_understanding_threshold),
  },
  targetsRevisions: int(row.targets_revisions),
  committeeSelfOrganising: row.committee_self_organising_at !== null,
  committeeSelfOrganisingAt: dateOrNull(row.committee_self_organising_at),
});

export const toPartner = (row: Row): Partner => ({
  projectId: text(row.project_id),
  organisationId: text(row.organisation_id),
  role: text(row.partner_role),
  status: text(row.status),
  joinedAt: date(row.joined_at),
  leftAt: dateOrNull(row.left_at),
  leaveReason: textOrNull(row.leave_reason),
  rolesStatus: text(row.roles_status),
  responsibilities: (row.responsibilities ?? []) as string[],
  rolesNote: textOrNull(row.roles_note),
  rolesUpdatedAt: dateOrNull(row.roles_updated_at),
});

export const toPartnerMember = (row: Row): PartnerMember => ({
  projectId: text(row.project_id),
  memberId: text(row.member_id),
  organisationId: text(row.organisation_id),
  role: text(row.member_role),
  status: text(row.status),
  addedAt: date(row.added_at),
  removedAt: dateOrNull(row.removed_at),
});

export const toCoordinationMeeting = (row: Row): CoordinationMeeting => ({
  projectId: text(row.project_id),
  meetingId: text(row.meeting_id),
  scheduledFor: date(row.scheduled_for),
  plannedFormat: text(row.planned_format),
  cadence: textOrNull(row.cadence),
  status: text(row.status),
  plannedAt: date(row.planned_at),
  rescheduleCount: int(row.reschedule_count),
  lastRescheduleReason: textOrNull(row.last_reschedule_reason),
  heldAt: dateOrNull(row.held_at),
  heldFormat: textOrNull(row.held_format),
  attendingOrganisationIds: (row.attending_organisation_ids ?? []) as string[],
  attendingMemberIds: (row.attending_member_ids ?? []) as string[],
  durationMinutes: intOrNull(row.duration_minutes),
  missedAt: dateOrNull(row.missed_at),
  missedReason: textOrNull(row.missed_reason),
});

export const toCoordinationConcern = (row: Row): CoordinationConcern => ({
  projectId: text(row.project_id),
  concernId: text(row.concern_id),
  raisedByOrganisationId: text(row.raised_by_organisation_id),
  topic: text(row.topic),
  category: text(row.category),
  status: text(row.status),
  raisedAt: date(row.raised_at),
  resolvedAt: dateOrNull(row.resolved_at),
  resolution: textOrNull(row.resolution),
});

/** Never reads the personal-data envelope: rows come from a select that only says whether one is held. */
export const toCarer = (row: Row): Carer => ({
  id: text(row.carer_id),
  projectId: text(row.project_id),
  pseudonym: text(row.pseudonym),
  registeredByOrganisationId: text(row.registered_by_organisation_id),
  registeredAt: date(row.registered_at),
  gender: text(row.gender),
  ageBand: text(row.age_band),
  weeklyCareHours: intOrNull(row.weekly_care_hours),
  stressLevel: text(row.stress_level),
  area: textOrNull(row.area),
  relationship: text(row.relationship),
  participationStatus: text(row.participation_status),
  invitationCount: int(row.invitation_count),
  lastInvitedAt: dateOrNull(row.last_invited_at),
  lastInvitationChannel: textOrNull(row.last_invitation_channel),
  referredByCarerId: textOrNull(row.referred_by_carer_id),
  acceptedAt: dateOrNull(row.accepted_at),
  acceptedChannel: textOrNull(row.accepted_channel),
  lastDeclinedAt: dateOrNull(row.last_declined_at),
  lastDeclineReason: textOrNull(row.last_decline_reason),
  withdrawnAt: dateOrNull(row.withdrawn_at),
  withdrawalReason: textOrNull(row.withdrawal_reason),
  consents: {
    participation: text(row.consent_participation),
    audioRecording: text(row.consent_audio_recording),
    dataProcessing: text(row.consent_data_processing),
  },
  hasPersonalData: bool(row.has_personal_data),
  erased: bool(row.erased),
  erasedAt: dateOrNull(row.erased_at),
});

export const toCarerInvitation = (row: Row): CarerInvitation => ({
  invitationId: text(row.invitation_id),
  carerId: text(row.carer_id),
  invitationNumber: int(row.invitation_number),
  channel: text(row.channel),
  invitedByOrganisationId: text(row.invited_by_organisation_id),
  referredByCarerId: textOrNull(row.referred_by_carer_id),
  invitedAt: date(row.invited_at),
  status: text(row.status),
  answeredAt: dateOrNull(row.answered_at),
  declineReason: textOrNull(row.decline_reason),
});

export const toActivity = (row: Row): Activity => ({
  id: text(row.activity_id),
  projectId: text(row.project_id),
  kind: text(row.kind),
  topic: text(row.topic),
  scheduledFor: date(row.scheduled_for),
  place: text(row.place),
  facilitatorMemberId: textOrNull(row.facilitator_member_id),
  organisingOrganisationId: text(row.organising_organisation_id),
  status: text(row.status),
  scheduledAt: date(row.scheduled_at),
  originallyScheduledFor: date(row.originally_scheduled_for),
  rescheduleCount: int(row.reschedule_count),
  lastRescheduleReason: textOrNull(row.last_reschedule_reason),
  startedAt: dateOrNull(row.started_at),
  durationMinutes: intOrNull(row.duration_minutes),
  audioRecorded: boolOrNull(row.audio_recorded),
  cancellation:
    row.status === 'cancelled'
      ? {
          cancelledAt: date(row.cancelled_at),
          reason: text(row.cancellation_reason),
          note: textOrNull(row.cancellation_note),
          decidedByOrganisationId: textOrNull(row.cancelled_by_organisation_id),
          decidedByRole: text(row.cancelled_by_role),
          carersConsulted: boolOrNull(row.carers_consulted),
        }
      : null,
  registeredCarers: int(row.registered_carers),
  carersAttended: int(row.carers_attended),
  representativesAttended: int(row.representatives_attended),
});

export const toActivityRegistration = (row: Row): ActivityRegistration => ({
  carerId: text(row.carer_id),
  pseudonym: textOrNull(row.pseudonym),
  status: text(row.registration_status),
  registeredAt: date(row.registered_at),
  cancelledAt: dateOrNull(row.registration_cancelled_at),
  attended: bool(row.attended),
});

export const toCarerAttendance = (row: Row): CarerAttendance => ({
  carerId: text(row.carer_id),
  pseudonym: textOrNull(row.pseudonym),
  attendedAt: date(row.attended_at),
  registered: row.registration_status === 'registered',
});

export const toRepresentativeAttendance = (row: Row): RepresentativeAttendance => ({
  organisationId: text(row.organisation_id),
  memberId: text(row.member_id),
  attendedAt: date(row.attended_at),
});

export const toQuizSummary = (row: Row): QuizSummary => {
  const questionsAsked = int(row.questions_asked);
  const correctAnswers = int(row.correct_answers);
  return {
    phase: text(row.phase),
    responses: int(row.responses),
    questionsAsked,
    correctAnswers,
    score: questionsAsked === 0 ? null : correctAnswers / questionsAsked,
  };
};

export const toSurveySummary = (row: Row): SurveySummary => {
  const answers = int(row.answers);
  return {
    instrumentId: text(row.instrument_id),
    responses: int(row.responses),
    anonymousResponses: int(row.anonymous_responses),
    answers,
    scaleMinimum: int(row.scale_minimum),
    scaleMaximum: int(row.scale_maximum),
    averageAnswer: answers === 0 ? null : int(row.answer_sum) / answers,
    averageScore: answers === 0 ? null : int(row.answer_sum) / int(row.scale_maximum) / answers,
  };
};

export const toDecision = (row: Row): Decision => ({
  id: text(row.decision_id),
  projectId: text(row.project_id),
  description: text(row.description),
  originalDescription: text(row.original_description),
  decidedByOrganisationId: textOrNull(row.decided_by_organisation_id),
  decidedByRole: text(row.decided_by_role),
  affectsCarers: bool(row.affects_carers),
  carersConsulted: bool(row.carers_consulted),
  originallyCarersConsulted: bool(row.originally_carers_consulted),
  activityId: textOrNull(row.activity_id),
  takenAt: date(row.taken_at),
  status: text(row.status),
  contestedCount: int(row.contested_count),
  contestedByCarersCount: int(row.contested_by_carers_count),
  lastContestedAt: dateOrNull(row.last_contested_at),
  revisionCount: int(row.revision_count),
  lastRevisedAt: dateOrNull(row.last_revised_at),
  lastRevisionReason: textOrNull(row.last_revision_reason),
});

export const toSuggestion = (row: Row): Suggestion => ({
  id: text(row.suggestion_id),
  projectId: text(row.project_id),
  suggestedByRole: text(row.suggested_by_role),
  carerId: textOrNull(row.carer_id),
  organisationId: textOrNull(row.organisation_id),
  description: text(row.description),
  topic: text(row.topic),
  status: text(row.status),
  madeAt: date(row.made_at),
  adoptedAt: dateOrNull(row.adopted_at),
  adoptionNote: textOrNull(row.adoption_note),
  decisionId: textOrNull(row.decision_id),
  declinedAt: dateOrNull(row.declined_at),
  declineReason: textOrNull(row.decline_reason),
  declineNote: textOrNull(row.decline_note),
  implementedAt: dateOrNull(row.implemented_at),
  implementationNote: textOrNull(row.implementation_note),
});

export const toCommitteeGoal = (row: Row): CommitteeGoal => ({
  projectId: text(row.project_id),
  goalId: text(row.goal_id),
  description: text(row.description),
  definedAt: date(row.defined_at),
  outcome: textOrNull(row.outcome),
  outcomeNote: textOrNull(row.outcome_note),
  assessedAt: dateOrNull(row.assessed_at),
  firstOutcome: textOrNull(row.first_outcome),
  reassessmentCount: int(row.reassessment_count),
  lastReassessmentReason: textOrNull(row.last_reassessment_reason),
});

export const toInformationChannel = (row: Row): InformationChannel => ({
  id: text(row.channel_id),
  projectId: text(row.project_id),
  kind: text(row.kind),
  name: text(row.name),
  status: text(row.status),
  registeredAt: date(row.registered_at),
  retiredAt: dateOrNull(row.retired_at),
  retirementReason: textOrNull(row.retirement_reason),
  readingCount: int(row.reading_count),
  lastPeriodEnd: dateOrNull(row.last_period_end),
  newPatientsInformed: int(row.new_patients_informed),
});

export const toChannelReading = (row: Row): ChannelReading => ({
  periodStart: date(row.period_start),
  periodEnd: date(row.period_end),
  likes: intOrNull(row.likes),
  visits: intOrNull(row.visits),
  downloads: intOrNull(row.downloads),
  shares: intOrNull(row.shares),
});

export const toEvidence = (row: Row): Evidence => ({
  id: text(row.evidence_id),
  projectId: text(row.project_id),
  kind: text(row.kind),
  phase: text(row.phase),
  recordedAt: date(row.recorded_at),
  interview:
    row.kind === 'interview'
      ? {
          intervieweeRole: text(row.interviewee_role),
          intervieweeRef: text(row.interviewee_ref),
          durationMinutes: int(row.duration_minutes),
          mode: text(row.interview_mode),
        }
      : null,
  workshop:
    row.kind === 'co_design_workshop' || row.kind === 'co_assessment_workshop'
      ? {
          participants: {
            carers: int(row.carers_participating),
            providers: int(row.providers_participating),
            researchers: int(row.researchers_participating),
          },
          audioRecorded: bool(row.audio_recorded),
        }
      : null,
  note:
    row.kind === 'reflexive_note' ? { authorMemberId: text(row.author_member_id), text: text(row.note_text) } : null,
  observationCount: int(row.observation_count),
});

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export const toObservation = (row: Row): Observation => ({
  evidenceId: text(row.evidence_id),
  observationId: text(row.observation_id),
  projectId: text(row.project_id),
  evidenceKind: text(row.evidence_kind),
  phase: text(row.phase),
  kind: text(row.kind),
  taxonomy: text(row.taxonomy),
  code: text(row.code),
  stage: text(row.stage),
  level: text(row.level),
  inabilityKind: textOrNull(row.inability_kind),
  quote:
    row.quote_text === null
      ? null
      : {
          role: text(row.quote_role),
          gender: text(row.quote_gender),
          number: int(row.quote_number),
          text: text(row.quote_text),
          attribution: `${capitalised(text(row.quote_role))}, ${text(row.quote_gender)}, ${int(row.quote_number)}`,
        },
  codedAt: date(row.coded_at),
});

export const toBarrier = (row: Row): Barrier => {
  const observedAt = date(row.observed_at);
  const firstActionAt = dateOrNull(row.first_action_at);
  return {
    id: text(row.barrier_id),
    projectId: text(row.project_id),
    taxonomy: text(row.taxonomy),
    code: text(row.code),
    stage: text(row.stage),
    level: text(row.level),
    inabilityKind: textOrNull(row.inability_kind),
    description: text(row.description),
    basedOn: (row.based_on ?? []) as ObservationRef[],
    observedAt,
    status: text(row.status),
    actionCount: int(row.action_count),
    firstActionAt,
    lastActionAt: dateOrNull(row.last_action_at),
    daysToFirstAction: firstActionAt === null ? null : (firstActionAt.getTime() - observedAt.getTime()) / DAY_MS,
    resolvedAt: dateOrNull(row.resolved_at),
    resolution: textOrNull(row.resolution),
    reopenCount: int(row.reopen_count),
    lastReopenedAt: dateOrNull(row.last_reopened_at),
    lastReopenReason: textOrNull(row.last_reopen_reason),
  };
};

export const toAdjustmentAction = (row: Row): AdjustmentAction => ({
  barrierId: text(row.barrier_id),
  actionId: text(row.action_id),
  description: text(row.description),
  takenByOrganisationId: text(row.taken_by_organisation_id),
  takenAt: date(row.taken_at),
});
