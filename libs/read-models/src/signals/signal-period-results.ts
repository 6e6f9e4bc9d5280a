import type { SqlExecutor } from '#database';
import { combine } from './combine-signals.js';
import { frameworkInstruments, type IndicatorRef, type SignalFramework, type SignalKey } from './framework.js';
import {
  frameworkIndicators,
  loadInstrumentCatalog,
  type Fraction,
  type IndicatorDefinition,
} from './indicators/index.js';
import { countCarers } from './signal-carer-counts.js';
import type { Window } from './signal-periods.js';
import { indicatorQuery } from './signal-query.js';
import type { CarerCounts, SignalResult } from './signal-report.js';
import type { SignalScope, TimeTravel } from './signal-requests.js';
import type { RepeatedBarrier } from './signal-warnings.js';

/** Results shared between the frameworks of one request (compareSignals): same indicator, same parameters, same numbers. */
export type IndicatorCache = Map<string, Promise<Fraction[]>>;

export const newIndicatorCache = (): IndicatorCache => new Map();

/** What one period's figures are, before they become a report. */
export interface PeriodResult {
  /** The framework's indicator definitions, by ref, as resolved for this computation. */
  readonly indicators: ReadonlyMap<IndicatorRef, IndicatorDefinition>;
  readonly fractions: ReadonlyMap<IndicatorRef, Fraction>;
  readonly carers: CarerCounts;
  readonly repeatedBarriers: readonly RepeatedBarrier[];
  readonly signals: { readonly [S in SignalKey]: SignalResult };
}

/**
 * The indicators of `framework` over contiguous `periods`, the carers behind them, the barriers
 * observed repeatedly and the combined signals, one result per period.
 */
export async function computePeriods(
  database: SqlExecutor,
  scope: SignalScope,
  periods: readonly Window[],
  travel: TimeTravel,
  framework: SignalFramework,
  cache: IndicatorCache,
): Promise<PeriodResult[]> {
  const parameters = framework.definition.parameters;
  const query = indicatorQuery(database, scope, periods, travel, parameters);
  // Who answers each instrument the framework names decides whether its scores are carers' facts.
  const instruments = frameworkInstruments(framework.definition).map(({ instrumentId }) => instrumentId);
  const catalog = instruments.length > 0 ? await loadInstrumentCatalog(database, instruments) : undefined;
  const indicators = frameworkIndicators(framework, catalog);
  const keys = [...indicators.keys()];
  const periodKey = canonicalPeriods(periods, travel, scope);
  // Every statement starts at once (a pooled PostgreSQL runs them side by side).
  const [carerCounts, results, repeated] = await Promise.all([
    countCarers(framework, query, indicators),
    Promise.all(
      keys.map(async (key) => {
        const indicator = indicators.get(key)!;
        const cacheKey = `${periodKey}|${key}|${JSON.stringify(indicator.uses.map((name) => parameters[name]))}`;
        let fractions = cache.get(cacheKey);
        if (!fractions) {
          fractions = indicator.compute(query);
          cache.set(cacheKey, fractions);
        }
        return [key, await fractions] as const;
      }),
    ),
    query.rows<{ i: number; code: string; n: number }>(
      ['barrier_observed'],
      `select x.i, x.category as code, count(*)::int as n
       from binned x where x.category is not null
       group by x.i, x.category having count(*) >= $8::int
       order by x.i, x.category`,
      [parameters.barrierRepeatCount],
    ),
  ]);
  return periods.map((_, index) => {
    const fractions = new Map(results.map(([key, fractions]) => [key, fractions[index]!] as const));
    const carers = carerCounts[index]!;
    return {
      indicators,
      fractions,
      carers,
      repeatedBarriers: repeated
        .filter((row) => Number(row.i) === index + 1)
        .map((row) => ({ code: row.code, count: Number(row.n) })),
      signals: combine(framework, fractions, carers, undefined, indicators),
    };
  });
}

export function canonicalPeriods(periods: readonly Window[], travel: TimeTravel, scope: SignalScope): string {
  return JSON.stringify([
    periods.map((p) => [p.from.toISOString(), p.to.toISOString()]),
    travel.asOf?.toISOString() ?? null,
    travel.knownAt?.toISOString() ?? null,
    scope.projectId ?? null,
    scope.territoryId ?? null,
  ]);
}
