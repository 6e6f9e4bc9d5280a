import type { FactKind } from '../fact-kinds.js';
import type { FrameworkParameters } from '../framework.js';
import type { Window } from '../signal-periods.js';
import { ANONYMOUS_AS_CARER, type CarerSource, type Fraction, type IndicatorQuery } from './indicator-definition.js';

// SQL pieces the indicators share. Each runs after the prelude (SIGNAL_QUERY_PRELUDE), which
// provides `periods`, `bounds`, `facts` and `binned`.

/** The carers of the facts of `kinds` in each period that meet `condition` (on the fact `x`). */
export const carersInPeriod = (kinds: readonly FactKind[], condition = 'true'): CarerSource => ({
  kinds,
  sql: `select x.i, ${ANONYMOUS_AS_CARER('x')} as carer from binned x
        where x.kind in (${kinds.map((kind) => `'${kind}'`).join(', ')}) and ${condition}`,
});

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

/** Facts in the period, as rows of `binned` (which carries the period index `i`). */
export const IN_PERIODS = (alias: string) => `${alias}.i between 1 and (select n from bounds)`;
/** The period index of a timestamp (0 or n + 1 when outside every period). */
export const BUCKET = (expression: string) => `width_bucket(${expression}, (select b from bounds))`;
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

/** Counts in the window: `numerator` and `denominator` are SQL conditions on the fact `x`. */
export function countRatio(kinds: readonly FactKind[], numerator: string, denominator: string) {
  return countRows(
    kinds,
    `select x.i, (count(*) filter (where ${numerator}))::float8 as num,
            (count(*) filter (where ${denominator}))::float8 as den
     from binned x group by x.i`,
  );
}

/** The `CountRow`s of the rows of `relation` (which has the period index `i`) that meet `condition`, over all of them. */
export const SHARE_OF = (relation: string, condition: string) =>
  `select i, (count(*) filter (where ${condition}))::float8 as num, count(*)::float8 as den
   from ${relation} group by i`;

/**
 * Barriers alive in each period: observed before its end and not resolved at its start (the latest
 * observed/resolved/reopened fact before the start is not `resolved`); `codes` ($n, null: all)
 * filters by code. `state_at_end` is the latest state before the period's end.
 */
export const ALIVE_BARRIERS = (codes: string) => `
  , barriers as (
    select project_id, subject_id,
      min(occurred_at) filter (where kind = 'barrier_observed') as observed_at,
      max(category) filter (where kind = 'barrier_observed') as code,
      array_agg(occurred_at ${ORDER}) filter (where kind <> 'barrier_adjusted') as times,
      array_agg(kind ${ORDER}) filter (where kind <> 'barrier_adjusted') as kinds,
      min(occurred_at) filter (where kind in ('barrier_adjusted', 'barrier_resolved')) as first_response_at
    from facts group by project_id, subject_id
  ),
  alive as (
    select * from (
      select p.i, p.f, p.t, b.project_id, b.subject_id, b.observed_at, b.first_response_at,
        ${LATEST_BEFORE('b.times', 'b.kinds', 'p.f')} as state_at_start,
        ${LATEST_BEFORE('b.times', 'b.kinds', 'p.t')} as state_at_end
      from periods p
      join barriers b on b.observed_at < p.t and (${codes}::text[] is null or b.code = any(${codes}::text[]))
    ) s where s.state_at_start is distinct from 'barrier_resolved'
  )`;

export const BARRIER_FACTS: readonly FactKind[] = ['barrier_observed', 'barrier_resolved', 'barrier_reopened'];

/** Barriers alive in the window and resolved at its end / barriers alive in the window; `codes` as in ALIVE_BARRIERS. */
export const barriersResolved = (codes: (parameters: FrameworkParameters) => readonly string[] | null) =>
  countRows(
    BARRIER_FACTS,
    `${ALIVE_BARRIERS('$8')} ${SHARE_OF('alive', `state_at_end = 'barrier_resolved'`)}`,
    (parameters) => [codes(parameters)],
  );
