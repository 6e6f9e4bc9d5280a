import type { FactKind } from '../fact-kinds.js';
import type { Fraction } from './indicator-definition.js';
import { LATEST_BEFORE, ORDER, partOf, perPeriod, perQuery } from './indicator-sql.js';

const BARRIER_FACTS: readonly FactKind[] = [
  'barrier_observed',
  'barrier_resolved',
  'barrier_reopened',
  // Only `first_response_at` reads it.
  'barrier_adjusted',
];

/**
 * Barriers alive in each period: observed before its end and not resolved at its start (the latest
 * observed/resolved/reopened fact before the start is not `resolved`). `state_at_end` is the latest
 * state before the period's end, `first_response_at` the first adjustment action or resolution.
 */
const ALIVE_BARRIERS = `
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
      select p.i, p.f, p.t, b.project_id, b.subject_id, b.code, b.observed_at, b.first_response_at,
        ${LATEST_BEFORE('b.times', 'b.kinds', 'p.f')} as state_at_start,
        ${LATEST_BEFORE('b.times', 'b.kinds', 'p.t')} as state_at_end
      from periods p
      join barriers b on b.observed_at < p.t
    ) s where s.state_at_start is distinct from 'barrier_resolved'
  )`;

interface BarrierRow {
  i: number;
  trust_resolved: number;
  trust: number;
  resolved: number;
  alive: number;
  timely: number;
  due: number;
}

/**
 * The barrier indicators' fractions per period, over the barriers alive in it, from one statement:
 * `trustResolved`, trust barriers (codes in parameters.trustBarrierCodes) resolved at its end over
 * trust barriers; `resolved`, barriers resolved at its end over all; `timely`, barriers first acted
 * on within parameters.adjustmentDays over those due by its end (deadline passed or acted on).
 */
export const barrierShares = perQuery(async (query) => {
  const rows = await query.rows<BarrierRow>(
    BARRIER_FACTS,
    `${ALIVE_BARRIERS}
     select i,
       (count(*) filter (where is_trust and resolved_at_end))::float8 as trust_resolved,
       (count(*) filter (where is_trust))::float8 as trust,
       (count(*) filter (where resolved_at_end))::float8 as resolved,
       count(*)::float8 as alive,
       (count(*) filter (where is_due and is_timely))::float8 as timely,
       (count(*) filter (where is_due))::float8 as due
     from (
       select i,
         code = any($8::text[]) as is_trust,
         state_at_end = 'barrier_resolved' as resolved_at_end,
         first_response_at < t or observed_at + $9::float8 * interval '1 day' < t as is_due,
         first_response_at < t and first_response_at <= observed_at + $9::float8 * interval '1 day' as is_timely
       from alive
     ) a
     group by i`,
    [query.parameters.trustBarrierCodes, query.parameters.adjustmentDays],
  );
  const fractions = (num: keyof BarrierRow, den: keyof BarrierRow): Fraction[] =>
    perPeriod(query.periods, partOf(rows, num, den));
  return {
    trustResolved: fractions('trust_resolved', 'trust'),
    resolved: fractions('resolved', 'alive'),
    timely: fractions('timely', 'due'),
  };
});
