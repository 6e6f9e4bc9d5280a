import type { ProjectView, StatePart } from '../warning-project-view.js';
import { subjectKey, type WarningRule, type WarningSeverity, type WarningSubjectType } from './warning-rules.js';

/** What a rule raises: the project's state turns it into a stored warning (or refreshes the open one). */
export interface WarningSpec {
  readonly rule: WarningRule;
  readonly subjectType: WarningSubjectType;
  readonly subjectId: string;
  readonly severity: WarningSeverity;
  readonly message: string;
  readonly details: Record<string, unknown>;
  readonly relatedIds: string[];
  /** ms since epoch. */
  readonly raisedAt: number;
  /** What makes this occurrence unique among the subject's warnings (for its derived id). */
  readonly instance: string;
}

/** The event a rule is judged on: its id, when it occurred, and the project's clock after it. */
export interface RuleMoment {
  readonly eventId: string;
  readonly occurredAt: number;
  readonly clock: number;
  /**
   * Said by a rule of the project's state whose verdicts stand as the clock moves on, with the
   * state as it is, until `clock` at the earliest (a deadline passing, something leaving a trailing
   * window; Infinity when nothing is due). A rule that never says it is judged at every later clock.
   */
  standsUntil(clock: number): void;
}

/** A rule's conclusion about one subject: raise (or refresh) its warning, or resolve the open one. */
export type Verdict = { readonly raise: WarningSpec } | { readonly resolve: string };

/**
 * A rule, judged on a project's state as folded up to (and including) one event. Pure: the state
 * applies the verdicts, one check after the other, so a check sees what the previous ones decided.
 */
export type WarningCheck = (project: ProjectView, moment: RuleMoment) => readonly Verdict[];

export const raise = (spec: WarningSpec): Verdict => ({ raise: spec });

export const resolve = (rule: WarningRule, subjectType: WarningSubjectType, subjectId: string): Verdict => ({
  resolve: subjectKey(rule, subjectType, subjectId),
});

/**
 * A rule of the project's state and clock, judged on every event of the project: `reads` names the
 * parts of the state it reads (besides the clock, its thresholds and the open warnings), so that it
 * is judged again only when one of them changed. A part left out would leave a warning stale: a
 * test reads each rule through a view that records what it touches
 * (test/warnings-rules-on-change.e2e-spec.ts).
 */
export interface StateRule {
  readonly check: WarningCheck;
  readonly reads: readonly StatePart[];
}

export const stateRule = (check: WarningCheck, ...reads: StatePart[]): StateRule => ({ check, reads });
