import { settingsAt } from '../shared/index.js';
import { indicatorRef, SIGNAL_KEYS, type IndicatorRef, type SignalFramework } from './framework.js';
import {
  frameworkIndicators,
  type CarerSource,
  type IndicatorDefinition,
  type IndicatorQuery,
} from './indicators/index.js';
import { NO_CARER_COUNTS, type CarerCounts } from './signal-report.js';

/**
 * Distinct carers of each period: per carer-derived indicator of the framework, and the unions per
 * signal and over all of them, counted in one query over the indicators' carer sources (only counts
 * leave the database). Each distinct source gets a bit; the carers of a period are grouped once with
 * the bits of the sources they appear in, and every count is a filtered count over those groups.
 * `reach_targets` are the (period, project) pairs whose reach target is above 0.
 */
export async function countCarers(
  framework: SignalFramework,
  query: IndicatorQuery,
  indicators: ReadonlyMap<IndicatorRef, IndicatorDefinition> = frameworkIndicators(framework),
): Promise<CarerCounts[]> {
  const keys = [...indicators.keys()];
  const sources: CarerSource[] = [];
  const bitOf = new Map<IndicatorRef, number>();
  for (const key of keys) {
    const source = indicators.get(key)!.carers;
    if (!source) continue;
    let index = sources.findIndex((known) => known.sql === source.sql);
    if (index < 0) index = sources.push(source) - 1;
    bitOf.set(key, 2 ** index);
  }
  if (sources.length === 0) return query.periods.map(() => NO_CARER_COUNTS);
  const maskOf = (refs: readonly IndicatorRef[]) =>
    [...new Set(refs.map((key) => bitOf.get(key) ?? 0))].reduce((mask, bit) => mask | bit, 0);
  const signalMasks = SIGNAL_KEYS.map(
    (signal) => [signal, maskOf(framework.definition.signals[signal].indicators.map(indicatorRef))] as const,
  ).filter(([, mask]) => mask > 0);
  const masks = [...new Set([...bitOf.values(), ...signalMasks.map(([, mask]) => mask)])];

  const targetPeriods: number[] = [];
  const targetProjects: string[] = [];
  if (sources.some((source) => source.sql.includes('reach_targets'))) {
    const projects = await query.projects();
    query.periods.forEach((period, index) => {
      for (const project of projects) {
        if (project.eligibleCarers * settingsAt(project, period.to).targets.reachShare > 0) {
          targetPeriods.push(index + 1);
          targetProjects.push(project.projectId);
        }
      }
    });
  }
  const rows = await query.rows<Record<string, number>>(
    [...new Set(sources.flatMap((source) => source.kinds))],
    `, reach_targets as (select * from unnest($8::int[], $9::text[]) as r(i, project_id)),
     used as (
       ${sources.map((source, index) => `select u.i, u.carer, ${2 ** index} as bit from (${source.sql}) u`).join('\n       union all\n       ')}
     ),
     carers as (select u.i, bit_or(u.bit) as bits from used u where u.carer is not null group by u.i, u.carer)
     select c.i, count(*)::int as total,
       ${masks.map((mask) => `(count(*) filter (where c.bits & ${mask} <> 0))::int as m${mask}`).join(',\n       ')}
     from carers c group by c.i`,
    [targetPeriods, targetProjects],
  );
  return query.periods.map((_, index) => {
    const row = rows.find((candidate) => Number(candidate.i) === index + 1);
    const count = (mask: number) => Number(row?.[`m${mask}`] ?? 0);
    return {
      byIndicator: new Map([...bitOf].map(([key, bit]) => [key, count(bit)] as const)),
      bySignal: new Map(signalMasks.map(([signal, mask]) => [signal, count(mask)] as const)),
      total: Number(row?.total ?? 0),
    };
  });
}
