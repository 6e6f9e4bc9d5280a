import type { SqlExecutor } from '#database';
import { KeptResults, versionKey } from '../shared/index.js';
import type { SignalFramework } from './framework.js';
import { SIGNAL_VERSIONS_TABLE } from './signal-facts.projection.js';
import { canonicalPeriods, computePeriods, type IndicatorCache, type PeriodResult } from './signal-period-results.js';
import type { Window } from './signal-periods.js';
import type { SignalSeries } from './signal-report.js';
import type { SignalScope, TimeTravel } from './signal-requests.js';

/**
 * Computed periods, and whole series, kept while their scope's signal facts are unchanged
 * (shared/kept-results.ts). Frameworks are keyed by id and version, which registration never changes.
 */
export class SignalResultCache {
  private readonly kept: KeptResults<PeriodResult[]>;
  private readonly keptSeries: KeptResults<SignalSeries>;

  constructor(
    private readonly database: SqlExecutor,
    resultsKept: number,
  ) {
    this.kept = new KeptResults(database, resultsKept);
    this.keptSeries = new KeptResults(database, resultsKept);
  }

  /**
   * A series as answered, the same object for as long as it is kept (so no caller may change it):
   * a series is a score of periods, and combining and copying them again for every viewer cost
   * more than its one read.
   */
  series(scope: SignalScope, question: string, compute: () => Promise<SignalSeries>): Promise<SignalSeries> {
    return this.keptSeries.get(this.versions(scope), question, compute);
  }

  periods(
    scope: SignalScope,
    periods: readonly Window[],
    travel: TimeTravel,
    framework: SignalFramework,
    indicators: IndicatorCache,
  ): Promise<PeriodResult[]> {
    return this.kept.get(
      this.versions(scope),
      `${framework.id}@${framework.version}|${canonicalPeriods(periods, travel, scope)}`,
      () => computePeriods(this.database, scope, periods, travel, framework, indicators),
    );
  }

  private versions(scope: SignalScope) {
    return [{ table: SIGNAL_VERSIONS_TABLE, key: versionKey(scope) }];
  }
}
