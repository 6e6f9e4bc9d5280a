import type { Contest } from '../decision/contest.js';
import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

export const ACTIVITY_KINDS = [
  'training_course',
  'peer_meeting',
  'committee_meeting',
  'co_design_workshop',
  'co_assessment_workshop',
  'information_event',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Kinds whose sessions may be audio-recorded (with the carers' consent, checked by the handler). */
export const RECORDABLE_ACTIVITY_KINDS = [
  'co_design_workshop',
  'co_assessment_workshop',
] as const satisfies ActivityKind[];

export const ACTIVITY_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const CANCELLATION_REASONS = [
  'expected_low_turnout',
  'facilitator_unavailable',
  'weather',
  'venue_unavailable',
  'low_registrations',
  'carers_request',
  'other',
] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/** Who took a cancellation decision; `partnership` is a joint decision of the partner organisations. */
export const DECISION_MAKER_ROLES = ['provider', 'researcher', 'committee', 'carers', 'partnership'] as const;
export type DecisionMakerRole = (typeof DECISION_MAKER_ROLES)[number];

/** Stored events may say `unknown`: early releases did not record the decision-maker, and we must not invent one. */
export const RECORDED_DECISION_MAKER_ROLES = [...DECISION_MAKER_ROLES, 'unknown'] as const;
export type RecordedDecisionMakerRole = (typeof RECORDED_DECISION_MAKER_ROLES)[number];

export const QUIZ_PHASES = ['before', 'after'] as const;
export type QuizPhase = (typeof QUIZ_PHASES)[number];

/** A member of a partner organisation, by pseudonymous id. */
export interface PartnerRepresentative {
  readonly organisationId: string;
  readonly memberId: string;
}

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
export type ActivitySchedule = {
  activityId: string;
  projectId: string;
  kind: ActivityKind;
  topic: string;
  /** ISO date-time. */
  scheduledFor: string;
  place: string;
  facilitatorMemberId: string | null;
  organisingOrganisationId: string;
};

export type ActivityScheduled = DomainEvent<'ActivityScheduled', ActivitySchedule>;

/** Carries both the new and the previous date and place, so projections can tell what moved. */
export type ActivityRescheduled = DomainEvent<
  'ActivityRescheduled',
  {
    activityId: string;
    projectId: string;
    scheduledFor: string;
    place: string;
    previousScheduledFor: string;
    previousPlace: string;
    reason: string;
  }
>;

/**
 * Schema version 2 (see activity.upcasters.ts for version 1). `carersConsulted: null` and
 * `decidedByRole: 'unknown'` only come from upcast version 1 events; new cancellations record both.
 */
export type ActivityCancelled = DomainEvent<
  'ActivityCancelled',
  {
    activityId: string;
    projectId: string;
    reason: CancellationReason;
    note: string | null;
    decidedByOrganisationId: string | null;
    decidedByRole: RecordedDecisionMakerRole;
    carersConsulted: boolean | null;
  }
>;

/**
 * Carers (or a partner) objected to a cancellation after it was announced: DOMAIN.md's second
 * barrier, a lack of effective engagement, shows in decisions carers contest. A cancellation may
 * be contested several times, by different people.
 */
export type ActivityCancellationContested = DomainEvent<
  'ActivityCancellationContested',
  { activityId: string; projectId: string } & Contest
>;

export type ActivityHeld = DomainEvent<
  'ActivityHeld',
  {
    activityId: string;
    projectId: string;
    /** ISO date-time of the actual start (the schedule may have slipped). */
    startedAt: string;
    durationMinutes: number | null;
    audioRecorded: boolean;
  }
>;

export type CarerRegisteredForActivity = DomainEvent<
  'CarerRegisteredForActivity',
  { activityId: string; projectId: string; carerId: string }
>;

export type ActivityRegistrationCancelled = DomainEvent<
  'ActivityRegistrationCancelled',
  { activityId: string; projectId: string; carerId: string }
>;

export type CarerAttendedActivity = DomainEvent<
  'CarerAttendedActivity',
  { activityId: string; projectId: string; carerId: string }
>;

export type PartnerRepresentativeAttendedActivity = DomainEvent<
  'PartnerRepresentativeAttendedActivity',
  { activityId: string; projectId: string; organisationId: string; memberId: string }
>;

export type UnderstandingQuizAnswered = DomainEvent<
  'UnderstandingQuizAnswered',
  {
    activityId: string;
    projectId: string;
    carerId: string;
    phase: QuizPhase;
    questionsAsked: number;
    correctAnswers: number;
  }
>;

/**
 * Keeps the item ids and scale the answers were given against: instruments are data and may be
 * revised later, and a normalised score is `answer / scaleMax`.
 */
export type SatisfactionSurveyAnswered = DomainEvent<
  'SatisfactionSurveyAnswered',
  {
    activityId: string;
    projectId: string;
    /** Null for an anonymous response. */
    carerId: string | null;
    instrumentId: string;
    itemIds: string[];
    scaleMin: number;
    scaleMax: number;
    answers: number[];
  }
>;

export type ActivityEvent =
  | ActivityScheduled
  | ActivityRescheduled
  | ActivityCancelled
  | ActivityCancellationContested
  | ActivityHeld
  | CarerRegisteredForActivity
  | ActivityRegistrationCancelled
  | CarerAttendedActivity
  | PartnerRepresentativeAttendedActivity
  | UnderstandingQuizAnswered
  | SatisfactionSurveyAnswered;

/** Every type of ActivityEvent, at runtime (the compiler keeps it complete). */
export const ACTIVITY_EVENT_TYPES = eventTypesOf<ActivityEvent>({
  ActivityScheduled: true,
  ActivityRescheduled: true,
  ActivityCancelled: true,
  ActivityCancellationContested: true,
  ActivityHeld: true,
  CarerRegisteredForActivity: true,
  ActivityRegistrationCancelled: true,
  CarerAttendedActivity: true,
  PartnerRepresentativeAttendedActivity: true,
  UnderstandingQuizAnswered: true,
  SatisfactionSurveyAnswered: true,
});
