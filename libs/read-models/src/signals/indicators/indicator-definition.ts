import type { FactKind } from '../fact-kinds.js';
import type { FrameworkParameters, IndicatorKey, SignalKey } from '../framework.js';
import type { ProjectHistory } from '../../shared/index.js';
import type { Window } from '../signal-periods.js';

/** An indicator's raw counts for one period. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * How a fraction becomes a value in [0, 1] (always null when the denominator is 0):
 * `ratio` numerator / denominator (already within [0, 1] by construction);
 * `capped` min(1, numerator / denominator), for a count measured against a target or norm;
 * `clamped` max(0, min(1, numerator / denominator)), for a gain that may be negative.
 */
export type ValueRule = 'ratio' | 'capped' | 'clamped';

export function indicatorValue(rule: ValueRule, fraction: Fraction): number | null {
  if (!(fraction.denominator > 0)) return null;
  const raw = fraction.numerator / fraction.denominator;
  switch (rule) {
    case 'ratio':
      return Math.max(0, Math.min(1, raw));
    case 'capped':
      return Math.min(1, raw);
    case 'clamped':
      return Math.max(0, Math.min(1, raw));
  }
}

/**
 * One part of a tally: over the period's facts of the tally's kinds that meet `when` (a condition on
 * the fact `x`, a row of `binned`), the sum of `sum`, else the count of non-null `count`, else the
 * count of facts; `times` (a number the framework's parameters give) multiplies it.
 */
export interface TallyPart {
  readonly sum?: string;
  readonly count?: string;
  readonly when?: string;
  readonly times?: (parameters: FrameworkParameters) => number;
}

/**
 * A fraction per period aggregated over the period's facts alone (no subject's history, no join):
 * the numerator and the denominator over the facts of `kinds` that meet `where`, as in
 * `select x.i, <numerator>, <denominator> from binned x where <where> group by x.i`.
 */
export interface Tally {
  readonly kinds: readonly FactKind[];
  readonly where?: string;
  readonly numerator: TallyPart;
  readonly denominator: TallyPart;
}

export interface IndicatorQuery {
  readonly periods: readonly Window[];
  readonly parameters: FrameworkParameters;
  /**
   * Runs `body` after the shared prelude: `periods(i, f, t)` (i from 1), `facts`, the visible facts
   * of the scope restricted to `kinds`, and `binned`, those in a period with its index `i`. Extra
   * parameters are $8, $9, ...
   */
  rows<Row>(kinds: readonly FactKind[], body: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * A tally's fraction per period. The tallies asked for before the caller next awaits share one
   * statement: one pass over the facts, one aggregate column per part (parsing and planning a
   * statement costs more than running one of these).
   */
  tally(tally: Tally): Promise<Fraction[]>;
  /** Launch settings, target revisions and pilot extensions of every project in scope. */
  projects(): Promise<ProjectHistory[]>;
}

/**
 * Where an indicator derived from individual carers' own facts finds its carers: a select, after
 * the prelude, of `(i, carer)` — the period index and the id of a carer whose fact the period's
 * figures were computed from (one row per fact; duplicates and null carers are ignored). It must
 * filter `facts`/`binned` by kind itself (they hold the kinds of every carer source of the query).
 * An anonymous survey response counts as a carer of its own (`ANONYMOUS_AS_CARER`).
 */
export interface CarerSource {
  readonly kinds: readonly FactKind[];
  readonly sql: string;
  /**
   * Present when `sql` selects the carers (`ANONYMOUS_AS_CARER`) of the period's facts in `binned`
   * that meet this condition on the fact `x` (carersInPeriod): such sources are read together, in one
   * pass over `binned`.
   */
  readonly inBinned?: string;
  /**
   * True when its rows also carry the `project_id` whose reach target decides them: a row counts
   * only in a period at whose end that project's reach target is above 0 (as the project histories
   * say, which the database does not know).
   */
  readonly reachTargeted?: boolean;
}

/** A fact's carer; an anonymous survey response has none and counts as one carer of its own (by its event id). */
export const ANONYMOUS_AS_CARER = (alias: string) =>
  `coalesce(${alias}.carer_id, case when ${alias}.kind = 'survey_answered' then 'anonymous:' || ${alias}.event_id end)`;

export interface IndicatorDefinition {
  readonly key: IndicatorKey;
  readonly label: string;
  /** The signal it belongs to in the default framework (a framework may use it elsewhere). */
  readonly home: SignalKey;
  readonly formula: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly rule: ValueRule;
  /** Framework parameters the result depends on (two frameworks share results when these agree). */
  readonly uses: readonly (keyof FrameworkParameters)[];
  /**
   * Present on an indicator a framework names with a parameter of its own (`instrumentScore` and
   * its `instrumentId`); the definition listed in INDICATORS describes it, and one definition per
   * instrument named computes it (instrument-indicators.ts).
   */
  readonly parameter?: { readonly name: 'instrumentId'; readonly description: string };
  /** The instrument this definition reads, on a definition made for one instrument. */
  readonly instrumentId?: string;
  compute(query: IndicatorQuery): Promise<Fraction[]>;
  /**
   * Present only for indicators computed from individual carers' own facts (attendance, answers to
   * invitations, quizzes, survey responses): the carers behind each period's figures, over the same
   * visible facts as `compute`. Small-group suppression counts them (signal-suppression.ts).
   */
  readonly carers?: CarerSource;
}
