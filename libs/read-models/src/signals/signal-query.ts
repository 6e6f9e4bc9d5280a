import type { SqlExecutor } from '#database';
import type { FactKind } from './fact-kinds.js';
import type { FrameworkParameters } from './framework.js';
import type { IndicatorQuery, Tally } from './indicators/index.js';
import { BUCKET, IN_PERIODS } from './indicators/indicator-sql.js';
import type { Window } from './signal-periods.js';
import { SIGNAL_FACTS_TABLE } from './signal-facts.projection.js';
import { loadProjectHistories } from './signal-project-histories.js';
import type { SignalScope, TimeTravel } from './signal-requests.js';
import { TallyBatch } from './signal-tallies.js';

const FACTS = SIGNAL_FACTS_TABLE;

/**
 * The facts of the scope: one project's, or those of the projects whose launch in the territory is
 * visible, so a territory seen as of T holds exactly the projects a replay of the events up to T
 * would place there. Each form names the other scope's parameter (null) so that both keep the same
 * parameters; a project's facts are read without the territory's lookup, which every statement
 * would otherwise plan.
 */
const IN_SCOPE = {
  project: `x.project_id = $3::text and $4::text is null`,
  territory: `$3::text is null and x.project_id in (
      select l.project_id from ${FACTS} l
      where l.kind = 'project_launched' and l.territory_id = $4::text
        and ($5::timestamptz is null or l.occurred_at <= $5::timestamptz)
        and ($6::timestamptz is null or l.recorded_at <= $6::timestamptz)
    )`,
};

/**
 * Every indicator query starts with this prelude. $1/$2 are the periods' bounds (contiguous), $3/$4
 * the scope (a project, or the projects launched in a territory), $5/$6 asOf/knownAt, $7 the fact
 * kinds read.
 *
 * `binned` gives each fact the index of the period it falls in (width_bucket over the bounds; 0 or
 * n + 1 outside). Indicators aggregate facts per subject in one pass and never join facts to facts,
 * so their cost does not depend on the planner's statistics.
 */
export const signalQueryPrelude = (scope: SignalScope) => `
  with periods as (
    select x.i::int as i, x.f, x.t from unnest($1::timestamptz[], $2::timestamptz[]) with ordinality as x(f, t, i)
  ),
  facts as (
    select * from ${FACTS} x
    where ${scope.projectId ? IN_SCOPE.project : IN_SCOPE.territory} and x.kind = any($7::text[])
      and ($5::timestamptz is null or x.occurred_at <= $5::timestamptz)
      and ($6::timestamptz is null or x.recorded_at <= $6::timestamptz)
  ),
  binned as (
    select * from (select ${BUCKET('x.occurred_at')} as i, x.* from facts x) x where ${IN_PERIODS('x')}
  )`;

/** The fact `alias` is visible under time travel: $2 asOf, $3 knownAt. */
export const VISIBLE = (alias: string) =>
  `($2::timestamptz is null or ${alias}.occurred_at <= $2::timestamptz) and ($3::timestamptz is null or ${alias}.recorded_at <= $3::timestamptz)`;

/**
 * The query the indicators of one computation share: contiguous `periods` of a scope under time
 * travel. The project histories are loaded once, when an indicator first asks for them; the
 * tallies asked for together run as one statement (signal-tallies.ts).
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
  const prelude = signalQueryPrelude(scope);
  const base = [
    periods.map((p) => p.from.toISOString()),
    periods.map((p) => p.to.toISOString()),
    // As the prelude reads the scope: its project when it names one, else its territory.
    scope.projectId || null,
    scope.projectId ? null : (scope.territoryId ?? null),
    travel.asOf?.toISOString() ?? null,
    travel.knownAt?.toISOString() ?? null,
  ];
  const rows: IndicatorQuery['rows'] = <Row>(
    kinds: readonly FactKind[],
    body: string,
    params: readonly unknown[] = [],
  ) => database.query<Row>(`${prelude}\n${body}`, [...base, [...kinds], ...params]);
  const tallies = new TallyBatch(periods, parameters, rows);
  let projects: ReturnType<IndicatorQuery['projects']> | null = null;
  return {
    periods,
    parameters,
    rows,
    tally: (tally: Tally) => tallies.add(tally),
    projects: () => (projects ??= loadProjectHistories(rows)),
  };
}
