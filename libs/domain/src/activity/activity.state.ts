import type { ActivityKind, ActivityStatus, PartnerRepresentative, QuizPhase } from './activity.events.js';

export interface ActivityRecord {
  readonly status: ActivityStatus;
  readonly activityId: string;
  readonly projectId: string;
  readonly kind: ActivityKind;
  readonly scheduledFor: string;
  readonly place: string;
  /** Current registrations: a cancelled registration is removed. */
  readonly registeredCarerIds: readonly string[];
  readonly attendingCarerIds: readonly string[];
  readonly attendingRepresentatives: readonly PartnerRepresentative[];
  readonly quizPhasesByCarer: Readonly<Record<string, readonly QuizPhase[]>>;
  /** Instrument ids each identified carer has answered; anonymous responses cannot be told apart. */
  readonly surveyInstrumentsByCarer: Readonly<Record<string, readonly string[]>>;
}

export type ActivityState = { readonly status: 'unknown' } | ActivityRecord;
