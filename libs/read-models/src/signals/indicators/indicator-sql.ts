import type { FactKind } from '../fact-kinds.js';
import type { FrameworkParameters } from '../framework.js';
import type { Window } from '../signal-periods.js';
import {
  ANONYMOUS_AS_CARER,
  type CarerSource,
  type Fraction,
  type IndicatorQuery,
  type Tally,
} from './indicator-definition.js';

// SQL pieces the indicators share. Each runs after the prelude (signalQueryPrelude), which
// provides `periods`, `facts` and `binned`.

/** The fact `alias` is of one of `kinds` (the kinds are the code's own names, never input). */
export const KIND_IN = (alias: string, kinds: readonly FactKind[]) =>
  `${alias}.kind in (${kinds.map((kind) => `'${kind}'`).join(', ')})`;

/** The carers of the facts of `kinds` in each period that meet `condition` (on the fact `x`). */
export const carersInPeriod = (kinds: readonly FactKind[], condition = 'true'): CarerSource => {
  const inBinned = `${KIND_IN('x', kinds)} and ${condition}`;
  return { kinds, sql: `select x.i, ${ANONYMOUS_AS_CARER('x')} as carer from binned x where ${inBinned}`, inBinned };
};

export interface CountRow {
  i: number;
  num: number | null;
  den: number | null;
}

/** One fraction per period, 0/0 for periods without rows. */
export function perPeriod(periods: readonly Window[], rows: readonly CountRow[]): Fraction[] {
  const fractions: Fraction[] = periods.map(() => ({ numerator: 0, denominator: 0 }));
  for (const row of rows) {
    const index = Number(row.i) - 1;
    const current = fractions[index];
    if (!current) continue;
    fractions[index] = {
      numerator: current.numerator + Number(row.num ?? 0),
      denominator: current.denominator + Number(row.den ?? 0),
    };
  }
  return fractions;
}

/**
 * The bounds of the periods, from the prelude's $1/$2. An expression of the parameters rather than
 * a subquery: the planner folds it to a constant instead of planning an initplan at every use.
 */
const BOUNDS = `($1::timestamptz[] || ($2::timestamptz[])[cardinality($2::timestamptz[])])`;
/** Rows with a period index `i` (as `binned` carries) that falls in a period. */
export const IN_PERIODS = (alias: string) => `${alias}.i between 1 and cardinality($1::timestamptz[])`;
/** The period index of a timestamp (0 or n + 1 when outside every period). */
export const BUCKET = (expression: string) => `width_bucket(${expression}, ${BOUNDS})`;
/** Ordered arrays of a subject's facts, to pick the latest one before a moment without a self-join. */
export const ORDER = 'order by occurred_at, pos_commit, pos_prepare';
/** The latest `what` of the arrays `times`/`values` strictly before `moment` (arrays in log order). */
export const LATEST_BEFORE = (times: string, values: string, moment: string) =>
  `(select u.v from unnest(${times}, ${values}) with ordinality as u(at, v, n) where u.at < ${moment} order by u.n desc limit 1)`;

/**
 * An indicator's `compute` from one query of `CountRow`s: `body` runs after the prelude over the
 * facts of `kinds`; `params` ($8, $9, ...) are read from the framework's parameters.
 */
export function countRows(
  kinds: readonly FactKind[],
  body: string,
  params?: (parameters: FrameworkParameters) => readonly unknown[],
) {
  return async (query: IndicatorQuery) =>
    perPeriod(query.periods, await query.rows<CountRow>(kinds, body, params?.(query.parameters)));
}

/** An indicator's `compute` from a tally, which shares its statement with the computation's other tallies. */
export const tallied = (tally: Tally) => (query: IndicatorQuery) => query.tally(tally);

/** Counts in the window: `numerator` and `denominator` are SQL conditions on the fact `x`. */
export const countRatio = (kinds: readonly FactKind[], numerator: string, denominator: string) =>
  tallied({ kinds, numerator: { when: numerator }, denominator: { when: denominator } });

/** The `CountRow`s of the rows of `relation` (which has the period index `i`) that meet `condition`, over all of them. */
export const SHARE_OF = (relation: string, condition: string) =>
  `select i, (count(*) filter (where ${condition}))::float8 as num, count(*)::float8 as den
   from ${relation} group by i`;

/**
 * `compute` run once per query however many indicators ask: several indicators' fractions from one
 * statement that computes what they share (the barriers alive, the partners present) once.
 */
export function perQuery<T>(compute: (query: IndicatorQuery) => Promise<T>): (query: IndicatorQuery) => Promise<T> {
  const computed = new WeakMap<IndicatorQuery, Promise<T>>();
  return (query) => {
    let result = computed.get(query);
    if (!result) {
      result = compute(query);
      computed.set(query, result);
    }
    return result;
  };
}

/** The `CountRow`s of one part of a statement whose rows give several parts' counts as columns. */
export const partOf = <Row extends { i: number }>(rows: readonly Row[], num: keyof Row, den: keyof Row): CountRow[] =>
  rows.map((row) => ({ i: row.i, num: row[num] as number | null, den: row[den] as number | null }));
