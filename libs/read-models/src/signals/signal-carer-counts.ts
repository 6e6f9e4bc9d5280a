import { settingsAt, type ProjectHistory } from '../shared/index.js';
import { indicatorRef, SIGNAL_KEYS, type IndicatorRef, type SignalFramework } from './framework.js';
import {
  ANONYMOUS_AS_CARER,
  frameworkIndicators,
  type CarerSource,
  type IndicatorDefinition,
  type IndicatorQuery,
} from './indicators/index.js';
import type { Window } from './signal-periods.js';
import { NO_CARER_COUNTS, type CarerCounts } from './signal-report.js';

/** Carers of a period with the same sources: their bits, the reach-targeted (bit, project) pairs, how many. */
interface CarerGroup {
  i: number;
  bits: number;
  /** `<bit> <project_id>` of each reach-targeted source row of the carers; null when none. */
  targeted: string[] | null;
  n: number;
}

/**
 * Distinct carers of each period: per carer-derived indicator of the framework, and the unions per
 * signal and over all of them, counted in one query over the indicators' carer sources (only counts
 * leave the database). Each distinct source gets a bit; the carers of a period are grouped by the
 * bits of the sources they appear in and counted per group, and every count is a sum over groups.
 *
 * A reach-targeted source's rows count only where their project's reach target is above 0, which
 * the project histories say: its (bit, project) pairs are part of the groups and are settled here,
 * so that the statement need not wait for the histories (read beside it).
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

  const [projects, groups] = await Promise.all([
    sources.some((source) => source.reachTargeted) ? query.projects() : [],
    query.rows<CarerGroup>(
      [...new Set(sources.flatMap((source) => source.kinds))],
      `, used as (
         ${usedRows(sources).join('\n         union all\n         ')}
       ),
       carers as (
         select u.i, coalesce(bit_or(u.bit) filter (where u.target is null), 0) as bits,
           array_agg(distinct u.bit || ' ' || u.target) filter (where u.target is not null) as targeted
         from used u where u.carer is not null group by u.i, u.carer
       )
       select c.i, c.bits, c.targeted, count(*)::int as n from carers c group by c.i, c.bits, c.targeted`,
    ),
  ]);
  const reachTargeted = reachTargetedProjects(query.periods, projects);
  const byPeriod = new Map<number, CarerGroup[]>();
  for (const group of groups) {
    const period = byPeriod.get(Number(group.i));
    if (period) period.push(group);
    else byPeriod.set(Number(group.i), [group]);
  }
  return query.periods.map((_, index) => {
    const counts = new Map<number, number>();
    let total = 0;
    for (const group of byPeriod.get(index + 1) ?? []) {
      let bits = Number(group.bits);
      for (const pair of group.targeted ?? []) {
        const space = pair.indexOf(' ');
        if (reachTargeted[index]!.has(pair.slice(space + 1))) bits |= Number(pair.slice(0, space));
      }
      if (bits === 0) continue;
      const n = Number(group.n);
      total += n;
      for (const mask of masks) if ((bits & mask) !== 0) counts.set(mask, (counts.get(mask) ?? 0) + n);
    }
    const count = (mask: number) => counts.get(mask) ?? 0;
    return {
      byIndicator: new Map([...bitOf].map(([key, bit]) => [key, count(bit)] as const)),
      bySignal: new Map(signalMasks.map(([signal, mask]) => [signal, count(mask)] as const)),
      total,
    };
  });
}

/**
 * The selects of `(i, carer, bit, target)` behind the counts: the sources that are carers of the
 * period's facts together, one pass over `binned` whose rows carry the bits of every such source
 * they meet (as many scans of it cost more to plan and to run), then each other source on its own.
 */
function usedRows(sources: readonly CarerSource[]): string[] {
  const inBinned = sources.flatMap((source, index) =>
    source.inBinned === undefined ? [] : [{ condition: source.inBinned, bit: 2 ** index }],
  );
  const others = sources.flatMap((source, index) =>
    source.inBinned === undefined
      ? [
          `select u.i, u.carer, ${2 ** index} as bit, ${source.reachTargeted ? 'u.project_id' : 'null::text'} as target
         from (${source.sql}) u`,
        ]
      : [],
  );
  if (inBinned.length === 0) return others;
  const bits = inBinned.map(({ condition, bit }) => `(case when ${condition} then ${bit} else 0 end)`).join(' | ');
  const any = inBinned.map(({ condition }) => `(${condition})`).join(' or ');
  return [
    `select x.i, ${ANONYMOUS_AS_CARER('x')} as carer, ${bits} as bit, null::text as target from binned x where ${any}`,
    ...others,
  ];
}

/** Per period, the projects whose reach target is above 0 at its end. */
function reachTargetedProjects(periods: readonly Window[], projects: readonly ProjectHistory[]): Set<string>[] {
  return periods.map(
    (period) =>
      new Set(
        projects
          .filter((project) => project.eligibleCarers * settingsAt(project, period.to).targets.reachShare > 0)
          .map((project) => project.projectId),
      ),
  );
}
