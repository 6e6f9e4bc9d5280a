import type { SqlExecutor } from '#database';
import { KeptResults, versionKey } from '../shared/index.js';
import type { SignalFramework } from './framework.js';
import { SIGNAL_VERSIONS_TABLE } from './signal-facts.projection.js';
import { canonicalPeriods, computePeriods, type IndicatorCache, type PeriodResult } from './signal-period-results.js';
import type { Window } from './signal-periods.js';
import type { SignalScope, TimeTravel } from './signal-requests.js';

/**
 * Computed periods kept while their scope's signal facts are unchanged (shared/kept-results.ts).
 * Frameworks are keyed by id and version, which registration never changes.
 */
export class SignalResultCache {
  private readonly kept: KeptResults<PeriodResult[]>;

  constructor(
    private readonly database: SqlExecutor,
    resultsKept: number,
  ) {
    this.kept = new KeptResults(database, resultsKept);
  }

  periods(
    scope: SignalScope,
    periods: readonly Window[],
    travel: TimeTravel,
    framework: SignalFramework,
    indicators: IndicatorCache,
  ): Promise<PeriodResult[]> {
    return this.kept.get(
      [{ table: SIGNAL_VERSIONS_TABLE, key: versionKey(scope) }],
      `${framework.id}@${framework.version}|${canonicalPeriods(periods, travel, scope)}`,
      () => computePeriods(this.database, scope, periods, travel, framework, indicators),
    );
  }
}
