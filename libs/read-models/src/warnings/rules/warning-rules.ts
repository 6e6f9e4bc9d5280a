import type { ProjectTargets } from '#domain';

/**
 * Early-warning rules, their thresholds and the words they are stored with. Formulas and the
 * source of every threshold are in docs/warnings.md.
 */

export const WARNING_RULES = [
  /** A carer-affecting decision, or a cancellation, taken without consulting the carers. */
  'carers_not_consulted',
  /** N sessions of a project cancelled one after the other (by scheduled time), none held in between. */
  'cancellations_in_a_row',
  /** A signal fell by at least the framework's `warnDropBy` from one month to the next (computed at query time). */
  'signal_drop',
  /** A barrier still open longer than `barrierOpenDays`. */
  'barrier_open_too_long',
  /** The reach target can no longer be met by the pilot's end at the best monthly rate so far. */
  'reach_out_of_reach',
  /** An activity kind is further behind its cadence target than the months left can make up. */
  'cadence_out_of_reach',
  /** Mean normalised satisfaction of the last N responses below the project's threshold. */
  'satisfaction_below_target',
  /** Share of correct answers in the last N after-course quizzes below the project's threshold. */
  'understanding_below_target',
  /** A carer-affecting decision (or a cancellation) contested by carers, not revised since (engagement barrier). */
  'decisions_contested',
  /** N coordination meetings of the partnership missed one after the other (by scheduled time), none held in between. */
  'coordination_meetings_missed_in_a_row',
  /** Carers' suggestions declined as not feasible within the budget or the rules (inability/impossibility to change). */
  'suggestions_declined_not_feasible',
  /** A partner whose roles are still unclarified `rolesUnclarifiedDays` after it joined (partnership barrier). */
  'roles_unclarified',
  /** Carers' refusals of invitations for mistrust above a share of the invitations of a trailing window (trust barrier). */
  'mistrust_refusals',
  /** Every carer who joined in a trailing window came by word of mouth, none through the project's own channels (trust barrier). */
  'newcomers_only_by_word_of_mouth',
  /** A partner's concern about the coordination meetings' format still unresolved `meetingFormatConcernDays` after it was raised (partnership barrier). */
  'meeting_format_concerns_unresolved',
  /** Carers' requests the providers declined, as an impossibility or an inability (inability/impossibility to change). */
  'carer_requests_not_met',
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

/** `notice`: worth knowing, not yet a pattern (one carer's suggestion declined as not feasible). */
export const WARNING_SEVERITIES = ['notice', 'warning', 'critical'] as const;
export type WarningSeverity = (typeof WARNING_SEVERITIES)[number];

/**
 * What a warning is about: its `subject_id` is a decision, activity, barrier, partner organisation,
 * coordination concern, ... id (or a signal key, kind, target).
 */
export const WARNING_SUBJECT_TYPES = [
  'decision',
  'activity',
  'project',
  'barrier',
  'signal',
  'activity_kind',
  'target',
  'partner',
  'concern',
] as const;
export type WarningSubjectType = (typeof WARNING_SUBJECT_TYPES)[number];

/**
 * Thresholds of the rules that the signal framework does not carry (its definition is a strict
 * schema with no room for them yet). They are versioned with the warnings projection: changing a
 * default means bumping the projection's version, which rebuilds every warning from the log. The
 * signal-drop rule reads `warnDropBy` from the signal framework in force (see signal-drop.ts), and
 * the satisfaction and understanding rules read the thresholds from the project's targets.
 */
export interface WarningThresholds {
  /** Cancelled sessions in a row (no session held in between) that raise a warning. */
  readonly cancellationsInARow: number;
  /** Days a barrier may stay open (since observed or reopened) before it raises a warning. */
  readonly barrierOpenDays: number;
  /** How many of the latest responses (surveys; after-course quizzes) the satisfaction and understanding rules average. */
  readonly recentResponses: number;
  /**
   * Extra sessions per month the team could add to catch up, as a multiple of the monthly target:
   * 1 means at most twice the target pace in the months left.
   */
  readonly cadenceCatchUp: number;
  /** Whole months of pilot before the reach rule has a monthly rate to judge by. */
  readonly reachGraceMonths: number;
  /**
   * Signal drop (rule 3, computed at query time): the distinct carers each of the two months
   * compared must rest on, for a signal with carer-derived indicators (its `carerCount`).
   */
  readonly signalDropMinCarers: number;
  /**
   * Signal drop: the facts each of the two months must rest on (the sum of the included indicators'
   * denominators) for a signal with no carer-derived indicator (partnership cohesion).
   */
  readonly signalDropMinFacts: number;
  /** Coordination meetings missed in a row (none held in between) that raise a warning. */
  readonly coordinationMeetingsMissedInARow: number;
  /** Carers' suggestions declined as not feasible within the window that make a pattern (a warning, not a notice). */
  readonly suggestionsDeclinedPattern: number;
  /** The window (days, up to the project's clock) the declined suggestions are counted over. */
  readonly suggestionsDeclinedWindowDays: number;
  /** Days a partner may stay without clarified roles after joining (or after its roles were found unclear again). */
  readonly rolesUnclarifiedDays: number;
  /** Share of the window's invitations refused for mistrust above which the trust rule warns (0.2: more than one in five). */
  readonly mistrustRefusalShare: number;
  /** The window (days, up to the project's clock) whose invitations the mistrust share is taken over. */
  readonly mistrustWindowDays: number;
  /** Invitations the window must hold before the mistrust share is judged (1 refusal of 2 is no pattern). */
  readonly mistrustMinInvitations: number;
  /** The window (days, up to the project's clock) whose newcomers the word-of-mouth rule looks at. */
  readonly wordOfMouthWindowDays: number;
  /** Newcomers the window must hold before "all by word of mouth" means anything. */
  readonly wordOfMouthMinNewcomers: number;
  /** Days a partner's concern about the coordination meetings' format may stay unresolved. */
  readonly meetingFormatConcernDays: number;
  /** Carers' requests declined within the window that make a pattern (a warning, not a notice). */
  readonly carerRequestsDeclinedPattern: number;
  /** The window (days, up to the project's clock) the declined requests are counted over. */
  readonly carerRequestsDeclinedWindowDays: number;
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = Object.freeze({
  cancellationsInARow: 2,
  barrierOpenDays: 60,
  recentResponses: 10,
  cadenceCatchUp: 1,
  reachGraceMonths: 1,
  signalDropMinCarers: 5,
  signalDropMinFacts: 5,
  coordinationMeetingsMissedInARow: 2,
  suggestionsDeclinedPattern: 3,
  suggestionsDeclinedWindowDays: 180,
  rolesUnclarifiedDays: 60,
  mistrustRefusalShare: 0.2,
  mistrustWindowDays: 90,
  mistrustMinInvitations: 5,
  wordOfMouthWindowDays: 90,
  wordOfMouthMinNewcomers: 3,
  meetingFormatConcernDays: 30,
  carerRequestsDeclinedPattern: 3,
  carerRequestsDeclinedWindowDays: 180,
});

/** The decline reasons that say a suggestion cannot be done within the budget or the rules. */
export const NOT_FEASIBLE_REASONS = ['not_feasible_budget', 'not_feasible_rules'] as const;

/** The activity kinds with a cadence target, and how each reads its monthly target. */
export const CADENCE_KINDS = ['training_course', 'peer_meeting', 'committee_meeting'] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];

/** The warnings judge by the targets a project was launched with (or revised to), as the domain defines them. */
export type { ProjectTargets };

export function monthlyTarget(kind: CadenceKind, targets: ProjectTargets): number {
  switch (kind) {
    case 'training_course':
      return targets.trainingCoursesPerMonth;
    case 'peer_meeting':
      return targets.peerMeetingsPerMonth;
    case 'committee_meeting':
      return targets.committeeEveryMonths > 0 ? 1 / targets.committeeEveryMonths : 0;
  }
}

/** The key deduplication works on: one open warning per project, rule and subject. */
export function subjectKey(rule: WarningRule, subjectType: WarningSubjectType, subjectId: string): string {
  return `${rule}|${subjectType}|${subjectId}`;
}
