import type { SqlExecutor } from '#database';
import type { FactKind } from './fact-kinds.js';
import type { FrameworkParameters } from './framework.js';
import type { IndicatorQuery } from './indicators/index.js';
import type { Window } from './signal-periods.js';
import { SIGNAL_FACTS_TABLE } from './signal-facts.projection.js';
import { loadProjectHistories } from './signal-project-histories.js';
import type { SignalScope, TimeTravel } from './signal-requests.js';

const FACTS = SIGNAL_FACTS_TABLE;

/**
 * Every indicator query starts with this prelude. $1/$2 are the periods' bounds (contiguous), $3/$4
 * the scope (a project, or the projects launched in a territory), $5/$6 asOf/knownAt, $7 the fact
 * kinds read. A territory's projects are those whose launch fact is visible, so a territory seen as
 * of T holds exactly the projects a replay of the events up to T would place there.
 *
 * `binned` gives each fact the index of the period it falls in (width_bucket over the bounds; 0 or
 * n + 1 outside). Indicators aggregate facts per subject in one pass and never join facts to facts,
 * so their cost does not depend on the planner's statistics.
 */
export const SIGNAL_QUERY_PRELUDE = `
  with periods as (
    select x.i::int as i, x.f, x.t from unnest($1::timestamptz[], $2::timestamptz[]) with ordinality as x(f, t, i)
  ),
  bounds as (
    select $1::timestamptz[] || ($2::timestamptz[])[cardinality($2::timestamptz[])] as b,
           cardinality($1::timestamptz[]) as n
  ),
  scope as (
    select $3::text as project_id where $3::text is not null
    union
    select l.project_id from ${FACTS} l
    where $4::text is not null and l.kind = 'project_launched' and l.territory_id = $4::text
      and ($5::timestamptz is null or l.occurred_at <= $5::timestamptz)
      and ($6::timestamptz is null or l.recorded_at <= $6::timestamptz)
  ),
  facts as (
    select * from ${FACTS} x
    where x.project_id in (select project_id from scope) and x.kind = any($7::text[])
      and ($5::timestamptz is null or x.occurred_at <= $5::timestamptz)
      and ($6::timestamptz is null or x.recorded_at <= $6::timestamptz)
  ),
  binned as (
    select * from (
      select width_bucket(x.occurred_at, (select b from bounds)) as i, x.* from facts x
    ) x where x.i between 1 and (select n from bounds)
  )`;

/** The fact `alias` is visible under time travel: $2 asOf, $3 knownAt. */
export const VISIBLE = (alias: string) =>
  `($2::timestamptz is null or ${alias}.occurred_at <= $2::timestamptz) and ($3::timestamptz is null or ${alias}.recorded_at <= $3::timestamptz)`;

/**
 * The query the indicators of one computation share: contiguous `periods` of a scope under time
 * travel. The project histories are loaded once, when an indicator first asks for them.
 */
export function indicatorQuery(
  database: SqlExecutor,
  scope: SignalScope,
  periods: readonly Window[],
  travel: TimeTravel,
  parameters: FrameworkParameters,
): IndicatorQuery {
  periods.forEach((period, index) => {
    const next = periods[index + 1];
    if (next && next.from.getTime() !== period.to.getTime()) throw new Error('Signal periods must be contiguous');
  });
  const base = [
    periods.map((p) => p.from.toISOString()),
    periods.map((p) => p.to.toISOString()),
    scope.projectId ?? null,
    scope.territoryId ?? null,
    travel.asOf?.toISOString() ?? null,
    travel.knownAt?.toISOString() ?? null,
  ];
  const rows: IndicatorQuery['rows'] = <Row>(
    kinds: readonly FactKind[],
    body: string,
    params: readonly unknown[] = [],
  ) => database.query<Row>(`${SIGNAL_QUERY_PRELUDE}\n${body}`, [...base, [...kinds], ...params]);
  let projects: ReturnType<IndicatorQuery['projects']> | null = null;
  return { periods, parameters, rows, projects: () => (projects ??= loadProjectHistories(rows)) };
}
