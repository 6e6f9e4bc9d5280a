import { LRUCache } from 'lru-cache';
import type { SqlExecutor } from '#database';
import { KeptResults, readScopeVersions, versionKey, type VersionRead } from '../shared/index.js';
import type { SignalFramework } from './framework.js';
import type { ScopeFacts } from './signal-framework-resolution.js';
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
  private readonly keptFacts: LRUCache<string, KeptScopeFacts>;

  constructor(
    private readonly database: SqlExecutor,
    resultsKept: number,
  ) {
    this.kept = new KeptResults(database, resultsKept);
    this.keptSeries = new KeptResults(database, resultsKept);
    this.keptFacts = new LRUCache({ max: resultsKept });
  }

  /**
   * A scope's facts (known, territory, the territory's adoption), kept while the versions of the
   * scope and of its territory stay the same: asked before every answer, they cost a statement
   * of three lookups where a kept answer costs one read of versions. A project's territory is known
   * only once they were read, and versions must be read before what they vouch for, so the
   * first ask computes them, the second computes them again under the versions read first, and
   * later asks reuse them. A question asked once (a new asOf) costs no more than before.
   */
  async scopeFacts(scope: SignalScope, travel: TimeTravel, compute: () => Promise<ScopeFacts>): Promise<ScopeFacts> {
    const question = JSON.stringify([versionKey(scope), travel.asOf ?? null, travel.knownAt ?? null]);
    const kept = this.keptFacts.get(question);
    const versions = kept ? (await readScopeVersions(this.database, kept.reads)).join('|') : null;
    if (kept && versions !== null && kept.versions === versions) return kept.facts;
    const facts = await compute();
    const reads = this.factReads(scope, facts);
    // Versions vouch for these facts only if they were read, before computing, for the same scopes.
    const vouched = kept && sameReads(kept.reads, reads) ? versions : null;
    this.keptFacts.set(question, { reads, versions: vouched, facts });
    return facts;
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

  /** The versions a scope's facts depend on: its own, and a project's territory (its adoptions). */
  private factReads(scope: SignalScope, facts: ScopeFacts): VersionRead[] {
    const territory =
      scope.projectId && facts.territoryId
        ? [{ table: SIGNAL_VERSIONS_TABLE, key: versionKey({ territoryId: facts.territoryId }) }]
        : [];
    return [...this.versions(scope), ...territory];
  }
}

interface KeptScopeFacts {
  readonly reads: readonly VersionRead[];
  /** The versions read before `facts` were computed; null until then. */
  readonly versions: string | null;
  readonly facts: ScopeFacts;
}

function sameReads(a: readonly VersionRead[], b: readonly VersionRead[]): boolean {
  return (
    a.length === b.length && a.every((read, index) => read.key === b[index]!.key && read.table === b[index]!.table)
  );
}
