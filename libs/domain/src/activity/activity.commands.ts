import type { DomainCommand } from '../shared/decider.js';
import type { Contest } from '../decision/contest.js';
import type { ActivitySchedule, CancellationReason, DecisionMakerRole, QuizPhase } from './activity.events.js';

export type ScheduleActivity = DomainCommand<'ScheduleActivity', ActivitySchedule>;

/** Null keeps the current value; at least one of date and place must change. */
export type RescheduleActivity = DomainCommand<
  'RescheduleActivity',
  { activityId: string; scheduledFor: string | null; place: string | null; reason: string }
>;

/** Unlike stored events, a new cancellation must say who decided and whether carers were consulted. */
export type CancelActivity = DomainCommand<
  'CancelActivity',
  {
    activityId: string;
    reason: CancellationReason;
    note: string | null;
    decidedByOrganisationId: string | null;
    decidedByRole: DecisionMakerRole;
    carersConsulted: boolean;
  }
>;

export type ContestActivityCancellation = DomainCommand<
  'ContestActivityCancellation',
  { activityId: string } & Contest
>;

export type HoldActivity = DomainCommand<
  'HoldActivity',
  { activityId: string; startedAt: string; durationMinutes: number | null; audioRecorded: boolean }
>;

export type RegisterCarerForActivity = DomainCommand<
  'RegisterCarerForActivity',
  { activityId: string; carerId: string }
>;

export type CancelActivityRegistration = DomainCommand<
  'CancelActivityRegistration',
  { activityId: string; carerId: string }
>;

export type RecordCarerAttendance = DomainCommand<'RecordCarerAttendance', { activityId: string; carerId: string }>;

export type RecordPartnerAttendance = DomainCommand<
  'RecordPartnerAttendance',
  { activityId: string; organisationId: string; memberId: string }
>;

export type RecordUnderstandingQuiz = DomainCommand<
  'RecordUnderstandingQuiz',
  { activityId: string; carerId: string; phase: QuizPhase; questionsAsked: number; correctAnswers: number }
>;

/** The satisfaction instrument as the handler loaded it from its own stream. */
export interface SatisfactionInstrument {
  readonly instrumentId: string;
  readonly items: readonly { readonly itemId: string }[];
  readonly scaleMin: number;
  readonly scaleMax: number;
}

export type RecordSatisfactionResponse = DomainCommand<
  'RecordSatisfactionResponse',
  { activityId: string; carerId: string | null; instrument: SatisfactionInstrument; answers: number[] }
>;

export type ActivityCommand =
  | ScheduleActivity
  | RescheduleActivity
  | CancelActivity
  | ContestActivityCancellation
  | HoldActivity
  | RegisterCarerForActivity
  | CancelActivityRegistration
  | RecordCarerAttendance
  | RecordPartnerAttendance
  | RecordUnderstandingQuiz
  | RecordSatisfactionResponse;
