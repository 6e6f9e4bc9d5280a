import type { SqlExecutor } from '#database';
import { combine } from './combine-signals.js';
import type { SignalFrameworkStore } from './framework-store.js';
import type { SignalFramework } from './framework.js';
import {
  canonicalPeriods,
  computePeriods,
  newIndicatorCache,
  type IndicatorCache,
  type PeriodResult,
} from './signal-period-results.js';
import { SignalResultCache } from './signal-result-cache.js';
import { defaultWindow, MAX_PERIODS, periodsOf, previousWindow, type Window } from './signal-periods.js';
import {
  requireKnownScope,
  resolveFramework,
  scopeFacts,
  type ScopeFacts,
  type ResolvedFramework,
} from './signal-framework-resolution.js';
import type { SignalReport, SignalSeries, SignalWarning, UsedFramework } from './signal-report.js';
import {
  requireScope,
  requireWindow,
  timeTravelOf,
  type FrameworkRef,
  type SeriesRequest,
  type SignalRequest,
  type SignalScope,
  type TimeTravel,
} from './signal-requests.js';
import { signalWarnings } from './signal-warnings.js';
import { signalsError } from './signals.reasons.js';

export interface SignalReaderOptions {
  /**
   * How many computed answers to keep per process, each valid while its scope's facts stay the
   * same (SignalResultCache); 0 computes every answer afresh.
   */
  readonly resultsKept?: number;
}

type SeriesKeeping = (
  scope: SignalScope,
  question: string,
  compute: () => Promise<SignalSeries>,
) => Promise<SignalSeries>;

type PeriodsComputation = (
  scope: SignalScope,
  periods: readonly Window[],
  travel: TimeTravel,
  framework: SignalFramework,
  indicators: IndicatorCache,
) => Promise<PeriodResult[]>;

/**
 * Computes signals from the signal facts at query time, so any window works and time travel is
 * exact: with `asOf` only facts that occurred by then count, with `knownAt` only facts recorded by
 * then, and both may be combined.
 */
export class SignalReader {
  private readonly computePeriods: PeriodsComputation;
  private readonly keepSeries: SeriesKeeping;
  private readonly factsOf: (scope: SignalScope, travel: TimeTravel) => Promise<ScopeFacts>;

  constructor(
    private readonly database: SqlExecutor,
    private readonly frameworks: Pick<SignalFrameworkStore, 'get'>,
    options: SignalReaderOptions = {},
  ) {
    const resultsKept = options.resultsKept ?? 0;
    if (resultsKept > 0) {
      const cache = new SignalResultCache(database, resultsKept);
      this.computePeriods = (...args) => cache.periods(...args);
      this.keepSeries = (...args) => cache.series(...args);
      this.factsOf = (scope, travel) => cache.scopeFacts(scope, travel, () => scopeFacts(database, scope, travel));
    } else {
      this.computePeriods = (...args) => computePeriods(database, ...args);
      this.keepSeries = (_scope, _question, compute) => compute();
      this.factsOf = (scope, travel) => scopeFacts(database, scope, travel);
    }
  }

  async report(request: SignalRequest): Promise<SignalReport> {
    const [report] = await this.reports(request, request.framework ? [request.framework] : [null]);
    return report!;
  }

  /** The same facts under several frameworks, side by side. */
  async compare(
    request: Omit<SignalRequest, 'framework'>,
    frameworks: readonly FrameworkRef[],
  ): Promise<SignalReport[]> {
    if (frameworks.length < 1 || frameworks.length > 5) {
      throw signalsError('INVALID_FRAMEWORKS', 'compare between 1 and 5 frameworks');
    }
    return this.reports(request, frameworks);
  }

  async series(request: SeriesRequest): Promise<SignalSeries> {
    requireScope(request.scope);
    requireWindow({ from: request.from, to: request.to }, 'series');
    const travel = timeTravelOf(request);
    const periods = periodsOf({ from: request.from, to: request.to }, request.granularity);
    if (periods.length > MAX_PERIODS) {
      throw signalsError('TOO_MANY_PERIODS', `a series has at most ${MAX_PERIODS} periods`, {
        periods: periods.length,
      });
    }
    const facts = await this.factsOf(request.scope, travel);
    requireKnownScope(request.scope, facts);
    const { framework, used, warnings } = await resolveFramework(this.frameworks, facts, request.framework ?? null);
    const all = [previousWindow(periods[0]!), ...periods];
    // Everything the answer is made of beyond the scope's facts, which the kept answer's versions cover.
    const question = JSON.stringify([
      'series',
      used,
      warnings,
      request.granularity,
      request.from.toISOString(),
      request.to.toISOString(),
      canonicalPeriods(all, travel, request.scope),
    ]);
    return this.keepSeries(request.scope, question, async () => {
      const computed = await computePeriods(this.database, request.scope, all, travel, framework, newIndicatorCache());
      const reports = periods.map((window, index) =>
        toReport(request.scope, window, travel, framework, used, computed[index + 1]!, computed[index]!, warnings),
      );
      return {
        scope: request.scope,
        granularity: request.granularity,
        from: request.from,
        to: request.to,
        ...travel,
        framework: used,
        periods: reports,
      };
    });
  }

  /**
   * The framework to use: the one asked for; else the one the scope's territory adopted (as
   * visible under asOf/knownAt, like every other fact); else the default.
   */
  async resolveFramework(
    scope: SignalScope,
    travel: TimeTravel,
    requested: FrameworkRef | null,
  ): Promise<ResolvedFramework> {
    return resolveFramework(this.frameworks, await this.factsOf(scope, travel), requested);
  }

  private async reports(
    request: Omit<SignalRequest, 'framework'>,
    refs: ReadonlyArray<FrameworkRef | null>,
  ): Promise<SignalReport[]> {
    requireScope(request.scope);
    const travel = timeTravelOf(request);
    if (request.window) requireWindow(request.window);
    const facts = await this.factsOf(request.scope, travel);
    requireKnownScope(request.scope, facts);
    const cache = newIndicatorCache();
    const resolved = [];
    for (const ref of refs) resolved.push(await resolveFramework(this.frameworks, facts, ref));
    // One window for every framework compared: the request's, else the first framework's default.
    const anchor = travel.asOf ?? travel.knownAt ?? request.now ?? new Date();
    const window = request.window ?? defaultWindow(anchor, resolved[0]!.framework.definition.defaultWindowMonths);
    const reports: SignalReport[] = [];
    for (const { framework, used, warnings } of resolved) {
      const [previous, current] = await this.computePeriods(
        request.scope,
        [previousWindow(window), window],
        travel,
        framework,
        cache,
      );
      reports.push(toReport(request.scope, window, travel, framework, used, current!, previous!, warnings));
    }
    return reports;
  }
}

function toReport(
  scope: SignalScope,
  window: Window,
  travel: TimeTravel,
  framework: SignalFramework,
  used: UsedFramework,
  current: PeriodResult,
  previous: PeriodResult,
  frameworkWarnings: readonly SignalWarning[],
): SignalReport {
  const signals = combine(framework, current.fractions, current.carers, previous.signals, current.indicators);
  return {
    scope,
    window,
    ...travel,
    framework: used,
    signals,
    warnings: signalWarnings(framework, signals, current.repeatedBarriers, frameworkWarnings),
    carerCount: current.carers.total,
    suppressed: false,
  };
}
