import type { ProjectTargets, WarningThresholds } from './rules/warning-rules.js';
import type { WarningRecord } from './warning-record.js';

/**
 * The minimal state the warnings projection keeps per project, as the rules read it. The state is
 * folded event by event (warning-project-state.ts, warning-fold.ts) and stored in the projection's
 * own tables (warning-tables.ts).
 */

export interface ProjectSettings {
  territoryId: string | null;
  eligibleCarers: number | null;
  /** ms since epoch; the pilot runs from here for `pilotMonths` calendar months. */
  startsOn: number | null;
  pilotMonths: number | null;
  /** occurredAt of the launch or extension that set `pilotMonths` (the latest dated wins). */
  pilotMonthsAt: number | null;
  targets: ProjectTargets | null;
  /** occurredAt of the launch or revision that set `targets` (the latest dated wins). */
  targetsAt: number | null;
  /** The project's clock: the latest occurredAt of its events. */
  clock: number | null;
}

export type ActivityStatus = 'scheduled' | 'held' | 'cancelled';

export interface ActivityState {
  kind: string | null;
  scheduledFor: number | null;
  status: ActivityStatus;
  /** When it was held or cancelled (occurredAt of that event). */
  decidedAt: number | null;
  /** For a cancellation: whether carers were consulted (null: not recorded). */
  carersConsulted: boolean | null;
}

export interface DecisionState {
  affectsCarers: boolean;
  carersConsulted: boolean;
  /** The activities it covers (none: it is about no activity). */
  activityIds: string[];
}

export interface BarrierState {
  code: string | null;
  open: boolean;
  /** Observed, or reopened: when the current open spell began. */
  openSince: number | null;
}

export type MeetingStatus = 'planned' | 'held' | 'missed';

/** A coordination meeting of the partnership. */
export interface MeetingState {
  scheduledFor: number | null;
  status: MeetingStatus;
  /** When it was held or missed (occurredAt of that event). */
  decidedAt: number | null;
}

/** A partner organisation of the project and whether its roles are clarified. */
export interface PartnerState {
  /** In the partnership now (joined, not left). */
  member: boolean;
  /** Since when its roles are unclarified: joining, or being found unclear again after a clarification; null when clarified. */
  unclearSince: number | null;
  /** occurredAt of the latest clarification or finding (the latest dated wins). */
  clarityAt: number | null;
}

/** A suggestion: whether a carer made it, and how it was declined. */
export interface SuggestionState {
  /** Null until SuggestionMade is seen (a late entry). */
  byCarer: boolean | null;
  declinedAt: number | null;
  declineReason: string | null;
}

/** An invitation to a carer: when it was made, and whether (and why) the carer refused it. */
export interface InvitationState {
  /** Null until CarerInvited is seen (a late entry). */
  invitedAt: number | null;
  declinedAt: number | null;
  declineReason: string | null;
}

/** A carer who joined (accepted an invitation): when, and through which channel. */
export interface NewcomerState {
  /** The earliest dated acceptance. */
  joinedAt: number;
  channel: string | null;
}

/** A concern a partner raised about the coordination, and whether it is resolved. */
export interface ConcernState {
  category: string | null;
  raisedByOrganisationId: string | null;
  /** Null until CoordinationConcernRaised is seen (a late entry). */
  raisedAt: number | null;
  resolved: boolean;
}

/** A carer's request to the providers, and how it was declined (impossibility or inability). */
export interface CarerRequestState {
  category: string | null;
  declinedAt: number | null;
  cannotMeetBecause: string | null;
}

export type ResponseKind = 'satisfaction' | 'understanding';

export interface ResponseState {
  eventId: string;
  kind: ResponseKind;
  /** Satisfaction: the normalised score; understanding: correct answers. */
  numerator: number;
  /** Satisfaction: 1; understanding: questions asked. */
  denominator: number;
  occurredAt: number;
  posCommit: bigint;
  posPrepare: bigint;
}

/**
 * The parts of a project's state a rule may read besides the clock, its thresholds and the open
 * warnings. The state counts the changes of each, so that a rule judged on every event is judged
 * again only once something it reads has changed (rules/index.ts, `StateRule.reads`).
 */
export type StatePart =
  | 'settings'
  | 'activities'
  | 'decisions'
  | 'barriers'
  | 'meetings'
  | 'partners'
  | 'suggestions'
  | 'invitations'
  | 'newcomers'
  | 'concerns'
  | 'carerRequests'
  | 'carers'
  | 'carersPerMonth'
  | 'responses';

/** Everything the rules may read about one project: its state so far, its open warnings, the thresholds. */
export interface ProjectView {
  readonly projectId: string;
  readonly thresholds: WarningThresholds;
  readonly settings: Readonly<ProjectSettings>;
  readonly activities: ReadonlyMap<string, Readonly<ActivityState>>;
  readonly decisions: ReadonlyMap<string, Readonly<DecisionState>>;
  readonly barriers: ReadonlyMap<string, Readonly<BarrierState>>;
  readonly meetings: ReadonlyMap<string, Readonly<MeetingState>>;
  /** Organisation id → its partnership. */
  readonly partners: ReadonlyMap<string, Readonly<PartnerState>>;
  readonly suggestions: ReadonlyMap<string, Readonly<SuggestionState>>;
  /** Invitation id → the invitation and its refusal. */
  readonly invitations: ReadonlyMap<string, Readonly<InvitationState>>;
  /** Carer → how they joined. */
  readonly newcomers: ReadonlyMap<string, Readonly<NewcomerState>>;
  /** Concern id → the coordination concern. */
  readonly concerns: ReadonlyMap<string, Readonly<ConcernState>>;
  /** Request id → the carer's request. */
  readonly carerRequests: ReadonlyMap<string, Readonly<CarerRequestState>>;
  /** Carer → first attendance (ms). */
  readonly carers: ReadonlyMap<string, number>;
  /** First attendances per calendar month (ms of the month start → carers). */
  readonly carersPerMonth: ReadonlyMap<number, number>;
  /** The latest `recentResponses` responses of each kind, oldest first. */
  readonly responses: Readonly<Record<ResponseKind, readonly Readonly<ResponseState>[]>>;
  /** Open warnings by subject key. */
  readonly open: ReadonlyMap<string, WarningRecord>;
}
