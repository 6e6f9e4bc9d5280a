import type { SqlExecutor } from '#database';
import { invalid, notFound } from '#domain';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import type { FactKind } from './facts.js';
import type { SignalFrameworkStore } from './framework-store.js';
import { SIGNAL_KEYS, SIGNAL_LABELS, type IndicatorKey, type SignalFramework, type SignalKey } from './framework.js';
import {
  INDICATORS_BY_KEY,
  indicatorValue,
  settingsAt,
  type CarerSource,
  type Fraction,
  type IndicatorQuery,
  type ProjectHistory,
  type Targets,
} from './indicators.js';
import { defaultWindow, MAX_PERIODS, periodsOf, previousWindow, type Granularity, type Window } from './periods.js';
import { SIGNAL_FACTS_TABLE } from './signal-facts.projection.js';

export type SignalScope =
  | { readonly projectId: string; readonly territoryId?: null }
  | { readonly territoryId: string; readonly projectId?: null };

export interface TimeTravel {
  /** Only facts that occurred at or before this moment. */
  readonly asOf: Date | null;
  /** Only facts recorded at or before this moment. */
  readonly knownAt: Date | null;
}

export interface FrameworkRef {
  readonly id: string;
  readonly version: number;
}

export interface SignalRequest {
  readonly scope: SignalScope;
  readonly window?: Window | null;
  readonly asOf?: Date | null;
  readonly knownAt?: Date | null;
  readonly framework?: FrameworkRef | null;
  /** The clock, for the default window; defaults to now. */
  readonly now?: Date;
}

export interface SeriesRequest {
  readonly scope: SignalScope;
  readonly from: Date;
  readonly to: Date;
  readonly granularity: Granularity;
  readonly asOf?: Date | null;
  readonly knownAt?: Date | null;
  readonly framework?: FrameworkRef | null;
}

export interface IndicatorResult {
  readonly key: IndicatorKey;
  readonly label: string;
  readonly formula: string;
  readonly numeratorLabel: string;
  readonly denominatorLabel: string;
  /** Null only when small-group suppression withheld it. */
  readonly numerator: number | null;
  /** Null only when small-group suppression withheld it. */
  readonly denominator: number | null;
  /** Null when the denominator is 0 (no data, left out of the signal) or when withheld. */
  readonly value: number | null;
  readonly weight: number;
  /** The weight after renormalising over the indicators that have data (0 when left out). */
  readonly effectiveWeight: number;
  readonly included: boolean;
  /**
   * Distinct carers whose own facts the figures were computed from (attendances, answers to
   * invitations, quizzes, survey responses; an anonymous response counts as one carer), over the
   * facts visible to the query in the window. Null for an indicator not derived from carers' facts,
   * and when withheld.
   */
  readonly carerCount: number | null;
  /** True when small-group suppression withheld value, numerator, denominator and carerCount. */
  readonly suppressed: boolean;
  readonly suppressionReason: string | null;
}

/** What `previousValue` was computed from: enough to suppress it exactly as the value was then. */
export interface PreviousIndicator {
  readonly key: IndicatorKey;
  readonly included: boolean;
  readonly carerCount: number | null;
}

export interface SignalResult {
  readonly key: SignalKey;
  readonly label: string;
  /** Weighted mean of the included indicators; null when none has data, or when withheld. */
  readonly value: number | null;
  /** The value over the previous window of the same length (for the drop warning). */
  readonly previousValue: number | null;
  readonly indicators: readonly IndicatorResult[];
  /**
   * Distinct carers over the facts of its carer-derived indicators (the union, not a sum); null when
   * none of its indicators is derived from carers' facts, and when withheld.
   */
  readonly carerCount: number | null;
  /** The previous window's indicators, behind `previousValue`. */
  readonly previousIndicators: readonly PreviousIndicator[];
  /** True when small-group suppression withheld the value (it depends on a withheld indicator). */
  readonly suppressed: boolean;
  readonly suppressionReason: string | null;
  /** True when `previousValue` was withheld for the same reason in the previous window. */
  readonly previousValueSuppressed: boolean;
  readonly includedWeight: number;
  readonly totalWeight: number;
  readonly note: string;
  readonly warnBelow: number | null;
  readonly warnDropBy: number | null;
}

export type SignalWarningKind = 'BELOW_THRESHOLD' | 'DROPPED' | 'BARRIER_REPEATED' | 'FRAMEWORK_NOT_REGISTERED';

export interface SignalWarning {
  readonly kind: SignalWarningKind;
  readonly signal: SignalKey | null;
  readonly message: string;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly code: string | null;
}

export type FrameworkSource = 'REQUESTED' | 'TERRITORY_ADOPTED' | 'DEFAULT';

export interface UsedFramework {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly source: FrameworkSource;
}

export interface SignalReport {
  readonly scope: SignalScope;
  readonly window: Window;
  readonly asOf: Date | null;
  readonly knownAt: Date | null;
  readonly framework: UsedFramework;
  readonly signals: { readonly [S in SignalKey]: SignalResult };
  readonly warnings: readonly SignalWarning[];
  /**
   * Distinct carers over the facts of every carer-derived indicator of the framework (the union);
   * null when the framework has none, and when withheld.
   */
  readonly carerCount: number | null;
  /** True when small-group suppression withheld any figure of the report. */
  readonly suppressed: boolean;
}

/** Distinct carers behind one period's figures: per carer-derived indicator, per signal, in all. */
export interface CarerCounts {
  readonly byIndicator: ReadonlyMap<IndicatorKey, number>;
  readonly bySignal: ReadonlyMap<SignalKey, number>;
  /** Null when the framework has no carer-derived indicator. */
  readonly total: number | null;
}

const NO_CARER_COUNTS: CarerCounts = { byIndicator: new Map(), bySignal: new Map(), total: null };

export interface SignalSeries {
  readonly scope: SignalScope;
  readonly granularity: Granularity;
  readonly from: Date;
  readonly to: Date;
  readonly asOf: Date | null;
  readonly knownAt: Date | null;
  readonly framework: UsedFramework;
  readonly periods: readonly SignalReport[];
}

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

const VISIBLE = (alias: string) =>
  `($2::timestamptz is null or ${alias}.occurred_at <= $2::timestamptz) and ($3::timestamptz is null or ${alias}.recorded_at <= $3::timestamptz)`;

function validDate(field: string, value: Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalid('INVALID_DATE', `${field} must be a valid date-time`, { field });
  }
  return value;
}

function requireWindow(window: Window, field = 'window'): void {
  validDate(`${field}.from`, window.from);
  validDate(`${field}.to`, window.to);
  if (!(window.from < window.to)) {
    throw invalid('INVALID_WINDOW', `${field}.from must be before ${field}.to (windows are half-open [from, to))`, {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
    });
  }
}

function requireScope(scope: SignalScope): void {
  const hasProject = typeof scope.projectId === 'string' && scope.projectId.length > 0;
  const hasTerritory = typeof scope.territoryId === 'string' && scope.territoryId.length > 0;
  if (hasProject === hasTerritory) {
    throw invalid('INVALID_SCOPE', 'scope must name exactly one of projectId or territoryId');
  }
}

const round = (value: number) => Math.round(value * 1e12) / 1e12;

/**
 * Combines indicator fractions into the four signals of a framework, with the carers behind them;
 * `previous` are the signals of the window before (for previousValue).
 */
export function combine(
  framework: SignalFramework,
  fractions: ReadonlyMap<IndicatorKey, Fraction>,
  carers: CarerCounts = NO_CARER_COUNTS,
  previous?: { readonly [S in SignalKey]: SignalResult },
): { [S in SignalKey]: SignalResult } {
  const signals = {} as { [S in SignalKey]: SignalResult };
  for (const key of SIGNAL_KEYS) {
    const definition = framework.definition.signals[key];
    const raw = definition.indicators.map(({ key: indicatorKey, weight }) => {
      const indicator = INDICATORS_BY_KEY.get(indicatorKey)!;
      const fraction = fractions.get(indicatorKey) ?? { numerator: 0, denominator: 0 };
      const value = indicatorValue(indicator.rule, fraction);
      return { indicator, weight, fraction, value, included: value !== null && weight > 0 };
    });
    const includedWeight = raw.filter((r) => r.included).reduce((sum, r) => sum + r.weight, 0);
    const totalWeight = raw.filter((r) => r.weight > 0).reduce((sum, r) => sum + r.weight, 0);
    const value =
      includedWeight > 0
        ? round(raw.filter((r) => r.included).reduce((sum, r) => sum + r.weight * r.value!, 0) / includedWeight)
        : null;
    const leftOut = raw.filter((r) => r.weight > 0 && r.value === null).map((r) => r.indicator.key);
    const zeroWeight = raw.filter((r) => r.weight === 0).map((r) => r.indicator.key);
    const notes: string[] = [];
    if (value === null) {
      notes.push('No indicator has data in this window (every denominator is 0): the signal is undefined.');
    } else if (leftOut.length > 0) {
      const kept = raw.filter((r) => r.included).length;
      notes.push(
        `Left out for lack of data (denominator 0): ${leftOut.join(', ')}; the weights of the other ${kept} indicator(s) were renormalised to sum to 1.`,
      );
    } else {
      notes.push('Every indicator has data; weights normalised to sum to 1.');
    }
    if (zeroWeight.length > 0) notes.push(`Weight 0 (shown, not counted): ${zeroWeight.join(', ')}.`);
    const carerDerived = raw.some((r) => r.indicator.carers !== undefined);
    signals[key] = {
      key,
      label: SIGNAL_LABELS[key],
      value,
      previousValue: previous?.[key].value ?? null,
      carerCount: carerDerived ? (carers.bySignal.get(key) ?? 0) : null,
      previousIndicators: (previous?.[key].indicators ?? []).map((indicator) => ({
        key: indicator.key,
        included: indicator.included,
        carerCount: indicator.carerCount,
      })),
      suppressed: false,
      suppressionReason: null,
      previousValueSuppressed: false,
      includedWeight,
      totalWeight,
      note: notes.join(' '),
      warnBelow: definition.warnBelow,
      warnDropBy: definition.warnDropBy,
      indicators: raw.map((r) => ({
        key: r.indicator.key,
        label: r.indicator.label,
        formula: r.indicator.formula,
        numeratorLabel: r.indicator.numerator,
        denominatorLabel: r.indicator.denominator,
        numerator: round(r.fraction.numerator),
        denominator: round(r.fraction.denominator),
        value: r.value === null ? null : round(r.value),
        weight: r.weight,
        effectiveWeight: r.included ? round(r.weight / includedWeight) : 0,
        included: r.included,
        carerCount: r.indicator.carers ? (carers.byIndicator.get(r.indicator.key) ?? 0) : null,
        suppressed: false,
        suppressionReason: null,
      })),
    };
  }
  return signals;
}

/** Results shared between the frameworks of one request (compareSignals): same indicator, same parameters, same numbers. */
type IndicatorCache = Map<string, Promise<Fraction[]>>;

const newCache = (): IndicatorCache => new Map();

/**
 * Computes signals from the signal facts at query time, so any window works and time travel is
 * exact: with `asOf` only facts that occurred by then count, with `knownAt` only facts recorded by
 * then, and both may be combined.
 */
export class SignalReader {
  constructor(
    private readonly database: SqlExecutor,
    private readonly frameworks: Pick<SignalFrameworkStore, 'get'>,
  ) {}

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
      throw invalid('INVALID_FRAMEWORKS', 'compare between 1 and 5 frameworks');
    }
    return this.reports(request, frameworks);
  }

  async series(request: SeriesRequest): Promise<SignalSeries> {
    requireScope(request.scope);
    requireWindow({ from: request.from, to: request.to }, 'series');
    const travel = this.travel(request);
    const periods = periodsOf({ from: request.from, to: request.to }, request.granularity);
    if (periods.length > MAX_PERIODS) {
      throw invalid('TOO_MANY_PERIODS', `a series has at most ${MAX_PERIODS} periods`, { periods: periods.length });
    }
    await this.requireKnownScope(request.scope);
    const { framework, used, warnings } = await this.resolveFramework(request.scope, travel, request.framework ?? null);
    const all = [previousWindow(periods[0]!), ...periods];
    const computed = await this.computePeriods(request.scope, all, travel, framework, newCache());
    const reports = periods.map((window, index) =>
      this.toReport(request.scope, window, travel, framework, used, computed[index + 1]!, computed[index]!, warnings),
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
  }

  private travel(request: { asOf?: Date | null; knownAt?: Date | null }): TimeTravel {
    return { asOf: validDate('asOf', request.asOf), knownAt: validDate('knownAt', request.knownAt) };
  }

  private async reports(
    request: Omit<SignalRequest, 'framework'>,
    refs: ReadonlyArray<FrameworkRef | null>,
  ): Promise<SignalReport[]> {
    requireScope(request.scope);
    const travel = this.travel(request);
    if (request.window) requireWindow(request.window);
    await this.requireKnownScope(request.scope);
    const cache = newCache();
    const resolved = [];
    for (const ref of refs) resolved.push(await this.resolveFramework(request.scope, travel, ref));
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
      reports.push(this.toReport(request.scope, window, travel, framework, used, current!, previous!, warnings));
    }
    return reports;
  }

  private toReport(
    scope: SignalScope,
    window: Window,
    travel: TimeTravel,
    framework: SignalFramework,
    used: UsedFramework,
    current: PeriodResult,
    previous: PeriodResult,
    frameworkWarnings: readonly SignalWarning[],
  ): SignalReport {
    const signals = combine(framework, current.fractions, current.carers, previous.signals);
    const warnings: SignalWarning[] = [...frameworkWarnings];
    for (const key of SIGNAL_KEYS) {
      const signal = signals[key];
      if (signal.value === null) continue;
      if (signal.warnBelow !== null && signal.value < signal.warnBelow) {
        warnings.push({
          kind: 'BELOW_THRESHOLD',
          signal: key,
          message: `${signal.label} is ${signal.value.toFixed(2)}, below the framework's threshold ${signal.warnBelow}`,
          value: signal.value,
          threshold: signal.warnBelow,
          code: null,
        });
      }
      if (
        signal.warnDropBy !== null &&
        signal.previousValue !== null &&
        signal.previousValue - signal.value >= signal.warnDropBy - 1e-12
      ) {
        warnings.push({
          kind: 'DROPPED',
          signal: key,
          message: `${signal.label} dropped from ${signal.previousValue.toFixed(2)} to ${signal.value.toFixed(2)} since the previous window`,
          value: signal.value,
          threshold: signal.warnDropBy,
          code: null,
        });
      }
    }
    for (const repeated of current.repeatedBarriers) {
      warnings.push({
        kind: 'BARRIER_REPEATED',
        signal: null,
        message: `Barrier ${repeated.code} was observed ${repeated.count} times in this window`,
        value: repeated.count,
        threshold: framework.definition.parameters.barrierRepeatCount,
        code: repeated.code,
      });
    }
    return {
      scope,
      window,
      ...travel,
      framework: used,
      signals,
      warnings,
      carerCount: current.carers.total,
      suppressed: false,
    };
  }

  private async requireKnownScope(scope: SignalScope): Promise<void> {
    if (scope.projectId) {
      const rows = await this.database.query(
        `select 1 from ${FACTS} where project_id = $1 and kind = 'project_launched' limit 1`,
        [scope.projectId],
      );
      if (rows.length === 0) throw notFound('PROJECT_NOT_FOUND', `No project ${scope.projectId} was launched`);
    } else {
      const rows = await this.database.query(`select 1 from ${FACTS} where territory_id = $1 limit 1`, [
        scope.territoryId,
      ]);
      if (rows.length === 0) throw notFound('TERRITORY_NOT_FOUND', `No territory ${scope.territoryId} is known`);
    }
  }

  /**
   * The framework to use: the one asked for; else the one the scope's territory adopted (as
   * visible under asOf/knownAt, like every other fact); else the default.
   */
  async resolveFramework(
    scope: SignalScope,
    travel: TimeTravel,
    requested: FrameworkRef | null,
  ): Promise<{ framework: SignalFramework; used: UsedFramework; warnings: SignalWarning[] }> {
    const used = (framework: SignalFramework, source: FrameworkSource): UsedFramework => ({
      id: framework.id,
      version: framework.version,
      name: framework.definition.name,
      source,
    });
    if (requested) {
      const framework = await this.frameworks.get(requested.id, requested.version);
      if (!framework) {
        throw notFound(
          'SIGNAL_FRAMEWORK_NOT_FOUND',
          `No signal framework ${requested.id} version ${requested.version} is registered`,
          { frameworkId: requested.id, version: requested.version },
        );
      }
      return { framework, used: used(framework, 'REQUESTED'), warnings: [] };
    }
    const territoryId = scope.territoryId ?? (await this.territoryOf(scope.projectId!, travel));
    const adoption = territoryId ? await this.adoption(territoryId, travel) : null;
    if (adoption) {
      const framework = await this.frameworks.get(adoption.id, adoption.version);
      if (framework) return { framework, used: used(framework, 'TERRITORY_ADOPTED'), warnings: [] };
      return {
        framework: DEFAULT_FRAMEWORK,
        used: used(DEFAULT_FRAMEWORK, 'DEFAULT'),
        warnings: [
          {
            kind: 'FRAMEWORK_NOT_REGISTERED',
            signal: null,
            message: `Territory ${territoryId} adopted framework ${adoption.id} version ${adoption.version}, which is not registered; the default framework was used`,
            value: null,
            threshold: null,
            code: `${adoption.id}@${adoption.version}`,
          },
        ],
      };
    }
    return { framework: DEFAULT_FRAMEWORK, used: used(DEFAULT_FRAMEWORK, 'DEFAULT'), warnings: [] };
  }

  private async territoryOf(projectId: string, travel: TimeTravel): Promise<string | null> {
    const [row] = await this.database.query<{ territory_id: string | null }>(
      `select l.territory_id from ${FACTS} l where l.project_id = $1 and l.kind = 'project_launched' and ${VISIBLE('l')} limit 1`,
      [projectId, travel.asOf, travel.knownAt],
    );
    return row?.territory_id ?? null;
  }

  private async adoption(territoryId: string, travel: TimeTravel): Promise<FrameworkRef | null> {
    const [row] = await this.database.query<{ subject_id: string; amount: number }>(
      `select a.subject_id, a.amount from ${FACTS} a
       where a.territory_id = $1 and a.kind = 'framework_adopted' and ${VISIBLE('a')}
       order by a.occurred_at desc, a.pos_commit desc, a.pos_prepare desc limit 1`,
      [territoryId, travel.asOf, travel.knownAt],
    );
    return row ? { id: row.subject_id, version: Number(row.amount) } : null;
  }

  private async computePeriods(
    scope: SignalScope,
    periods: readonly Window[],
    travel: TimeTravel,
    framework: SignalFramework,
    cache: IndicatorCache,
  ): Promise<PeriodResult[]> {
    const parameters = framework.definition.parameters;
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
    const rows = <Row>(kinds: readonly FactKind[], body: string, params: readonly unknown[] = []) =>
      this.database.query<Row>(`${SIGNAL_QUERY_PRELUDE}\n${body}`, [...base, [...kinds], ...params]);
    let projects: Promise<ProjectHistory[]> | null = null;
    const query: IndicatorQuery = {
      periods,
      parameters,
      rows,
      projects: () => (projects ??= this.projects(rows)),
    };
    const keys = [
      ...new Set(SIGNAL_KEYS.flatMap((key) => framework.definition.signals[key].indicators.map((i) => i.key))),
    ];
    const periodKey = canonicalPeriods(periods, travel, scope);
    // The carers are counted beside the indicators (a pooled PostgreSQL runs them side by side).
    const [carerCounts, results] = await Promise.all([
      countCarers(framework, query),
      Promise.all(
        keys.map(async (key) => {
          const indicator = INDICATORS_BY_KEY.get(key)!;
          const cacheKey = `${periodKey}|${key}|${JSON.stringify(indicator.uses.map((name) => parameters[name]))}`;
          let fractions = cache.get(cacheKey);
          if (!fractions) {
            fractions = indicator.compute(query);
            cache.set(cacheKey, fractions);
          }
          return [key, await fractions] as const;
        }),
      ),
    ]);
    const repeated = await rows<{ i: number; code: string; n: number }>(
      ['barrier_observed'],
      `select x.i, x.category as code, count(*)::int as n
       from binned x where x.category is not null
       group by x.i, x.category having count(*) >= $8::int
       order by x.i, x.category`,
      [parameters.barrierRepeatCount],
    );
    return periods.map((_, index) => {
      const fractions = new Map(results.map(([key, fractions]) => [key, fractions[index]!] as const));
      const carers = carerCounts[index]!;
      return {
        fractions,
        carers,
        repeatedBarriers: repeated
          .filter((row) => Number(row.i) === index + 1)
          .map((row) => ({ code: row.code, count: Number(row.n) })),
        signals: combine(framework, fractions, carers),
      };
    });
  }

  private async projects(
    rows: <Row>(kinds: readonly FactKind[], body: string, params?: readonly unknown[]) => Promise<Row[]>,
  ): Promise<ProjectHistory[]> {
    const facts = await rows<{
      project_id: string;
      kind: FactKind;
      occurred_at: Date | string;
      amount: number | null;
      total: number | null;
      data: { startsOn?: string; targets?: Targets } | string;
    }>(
      ['project_launched', 'project_targets_revised', 'pilot_extended'],
      `select project_id, kind, occurred_at, amount, total, data from facts
       order by occurred_at, pos_commit, pos_prepare`,
    );
    type Mutable = {
      projectId: string;
      eligibleCarers: number;
      startsOn: Date;
      launch: { pilotMonths: number; targets: Targets };
      revisions: Array<{ at: Date; targets: Targets }>;
      extensions: Array<{ at: Date; pilotMonths: number }>;
    };
    const byProject = new Map<string, Mutable>();
    const parsed = facts.map((fact) => ({
      ...fact,
      data: (typeof fact.data === 'string' ? JSON.parse(fact.data) : fact.data) as {
        startsOn?: string;
        targets?: Targets;
      },
    }));
    for (const fact of parsed) {
      if (fact.kind !== 'project_launched' || !fact.data.targets || !fact.data.startsOn) continue;
      byProject.set(fact.project_id, {
        projectId: fact.project_id,
        eligibleCarers: Number(fact.amount ?? 0),
        startsOn: new Date(fact.data.startsOn),
        launch: { pilotMonths: Number(fact.total ?? 0), targets: fact.data.targets },
        revisions: [],
        extensions: [],
      });
    }
    for (const fact of parsed) {
      const project = byProject.get(fact.project_id);
      if (!project) continue;
      const at = new Date(fact.occurred_at);
      if (fact.kind === 'project_targets_revised' && fact.data.targets) {
        project.revisions.push({ at, targets: fact.data.targets });
      } else if (fact.kind === 'pilot_extended' && fact.total !== null) {
        project.extensions.push({ at, pilotMonths: Number(fact.total) });
      }
    }
    return [...byProject.values()];
  }
}

interface PeriodResult {
  readonly fractions: ReadonlyMap<IndicatorKey, Fraction>;
  readonly carers: CarerCounts;
  readonly repeatedBarriers: ReadonlyArray<{ code: string; count: number }>;
  readonly signals: { readonly [S in SignalKey]: SignalResult };
}

function canonicalPeriods(periods: readonly Window[], travel: TimeTravel, scope: SignalScope): string {
  return JSON.stringify([
    periods.map((p) => [p.from.toISOString(), p.to.toISOString()]),
    travel.asOf?.toISOString() ?? null,
    travel.knownAt?.toISOString() ?? null,
    scope.projectId ?? null,
    scope.territoryId ?? null,
  ]);
}

/**
 * Distinct carers of each period: per carer-derived indicator of the framework, and the unions per
 * signal and over all of them, counted in one query over the indicators' carer sources (only counts
 * leave the database). Each distinct source gets a bit; the carers of a period are grouped once with
 * the bits of the sources they appear in, and every count is a filtered count over those groups.
 * `reach_targets` are the (period, project) pairs whose reach target is above 0.
 */
async function countCarers(framework: SignalFramework, query: IndicatorQuery): Promise<CarerCounts[]> {
  const keys = [
    ...new Set(SIGNAL_KEYS.flatMap((signal) => framework.definition.signals[signal].indicators.map((i) => i.key))),
  ];
  const sources: CarerSource[] = [];
  const bitOf = new Map<IndicatorKey, number>();
  for (const key of keys) {
    const source = INDICATORS_BY_KEY.get(key)!.carers;
    if (!source) continue;
    let index = sources.findIndex((known) => known.sql === source.sql);
    if (index < 0) index = sources.push(source) - 1;
    bitOf.set(key, 2 ** index);
  }
  if (sources.length === 0) return query.periods.map(() => NO_CARER_COUNTS);
  const maskOf = (indicators: readonly IndicatorKey[]) =>
    [...new Set(indicators.map((key) => bitOf.get(key) ?? 0))].reduce((mask, bit) => mask | bit, 0);
  const signalMasks = SIGNAL_KEYS.map(
    (signal) => [signal, maskOf(framework.definition.signals[signal].indicators.map((i) => i.key))] as const,
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
