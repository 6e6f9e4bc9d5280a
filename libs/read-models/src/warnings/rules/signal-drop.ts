import { v5 as uuidv5 } from 'uuid';
import type { SqlExecutor } from '#database';
import {
  addMonths,
  SIGNAL_FACTS_TABLE,
  SIGNAL_KEYS,
  startOfMonth,
  type SignalReader,
  type IndicatorResult,
  type Window,
} from '../../signals/index.js';
import { round } from '../../shared/index.js';
import { isReadSideError } from '../../shared/read-side.reasons.js';
import { WARNING_ID_NAMESPACE } from '../warning-record.js';
import type { WarningView } from '../warning-view.js';
import { DEFAULT_WARNING_THRESHOLDS, type WarningThresholds } from './warning-rules.js';

/** Signal drops are evaluated over at most this many calendar months per query. */
export const MAX_SIGNAL_DROP_MONTHS = 36;

const monthKey = (date: Date) => date.toISOString().slice(0, 7);

/**
 * How much data one month's signal rests on, from the signal's own counts: when any of its included
 * indicators is derived from carers' facts, the distinct carers behind them (the signal's
 * `carerCount`); otherwise (partnership cohesion; or a month of sessions cancelled, with nobody
 * attending) the facts behind it, the sum of its included indicators' denominators (sessions
 * scheduled, meetings planned, partners, concerns raised...). Null when a figure was withheld.
 */
export interface DropSupport {
  readonly unit: 'carers' | 'facts';
  readonly count: number | null;
}

export function dropSupport(signal: {
  readonly carerCount: number | null;
  readonly indicators: ReadonlyArray<Pick<IndicatorResult, 'included' | 'carerCount' | 'denominator' | 'suppressed'>>;
}): DropSupport {
  const included = signal.indicators.filter((indicator) => indicator.included || indicator.suppressed);
  const carerDerived = included.some((indicator) => indicator.carerCount !== null || indicator.suppressed);
  if (included.some((indicator) => indicator.suppressed))
    return { unit: carerDerived ? 'carers' : 'facts', count: null };
  if (carerDerived) return { unit: 'carers', count: signal.carerCount };
  return { unit: 'facts', count: included.reduce((sum, indicator) => sum + (indicator.denominator ?? 0), 0) };
}

/** The minimum a month's support must reach (in its unit) for a drop to or from it to count. */
export function minimumSupport(
  support: DropSupport,
  thresholds: Pick<WarningThresholds, 'signalDropMinCarers' | 'signalDropMinFacts'>,
): number {
  return support.unit === 'carers' ? thresholds.signalDropMinCarers : thresholds.signalDropMinFacts;
}

/** Both months rest on at least the minimum (each judged in its own unit). */
export function enoughSupport(
  previous: DropSupport,
  current: DropSupport,
  thresholds: Pick<WarningThresholds, 'signalDropMinCarers' | 'signalDropMinFacts'>,
): boolean {
  return [previous, current].every(
    (support) => support.count !== null && support.count >= minimumSupport(support, thresholds),
  );
}

/**
 * The months evaluated by default: the project's pilot, [startsOn, startsOn + pilotMonths), up to
 * the end of `at`'s month; its latest `MAX_SIGNAL_DROP_MONTHS` when longer. Null when the project
 * has no pilot dates (nothing to evaluate by default).
 */
export function pilotDropRange(startsOn: Date | null, pilotMonths: number | null, at: Date): Window | null {
  if (startsOn === null || pilotMonths === null || !(pilotMonths > 0)) return null;
  const pilotEnd = addMonths(startOfMonth(startsOn), Math.ceil(pilotMonths));
  const range = SignalDropEvaluator.range(startsOn, pilotEnd, at);
  if (!(range.from < range.to)) return null;
  const months = SignalDropEvaluator.months(range);
  return months > MAX_SIGNAL_DROP_MONTHS ? { from: addMonths(range.to, -MAX_SIGNAL_DROP_MONTHS), to: range.to } : range;
}

/**
 * Rule 3, computed at query time (docs/warnings.md explains why): the project's monthly signals
 * from the signal reader, under the framework in force (the territory's adopted one, else the
 * default), exactly as `signalSeries(granularity: MONTH)` shows them. A month whose signal is at
 * least `warnDropBy` below the month before raises a warning; it is resolved by the first later
 * month of the evaluated range whose value is back within `warnDropBy` of the level before the drop.
 */
export class SignalDropEvaluator {
  constructor(
    private readonly database: SqlExecutor,
    private readonly reader: Pick<SignalReader, 'series'>,
    private readonly thresholds: Pick<
      WarningThresholds,
      'signalDropMinCarers' | 'signalDropMinFacts'
    > = DEFAULT_WARNING_THRESHOLDS,
  ) {}

  /** The calendar months a query evaluates: those meeting [from, to), with `to` at most the end of the current month. */
  static range(from: Date, to: Date | null, now: Date): Window {
    const end = addMonths(startOfMonth(now), 1);
    const upper = to && to < end ? to : end;
    const last = upper.getTime() === startOfMonth(upper).getTime() ? upper : addMonths(startOfMonth(upper), 1);
    return { from: startOfMonth(from), to: last };
  }

  static months(range: Window): number {
    return (
      (range.to.getUTCFullYear() - range.from.getUTCFullYear()) * 12 + range.to.getUTCMonth() - range.from.getUTCMonth()
    );
  }

  /**
   * The drops of one project over the months of `range`. `now` is the moment judged at (the query's
   * `asOf`, else the clock): with `asOf`, only facts that occurred by then count, as in the signals.
   */
  async forProject(
    projectId: string,
    territoryId: string | null,
    range: Window,
    now: Date,
    asOf: Date | null = null,
  ): Promise<WarningView[]> {
    if (!(range.from < range.to)) return [];
    let series;
    try {
      // One month more at the start: the month before the first one evaluated, for its support.
      series = await this.reader.series({
        scope: { projectId },
        from: addMonths(range.from, -1),
        to: range.to,
        granularity: 'MONTH',
        asOf,
      });
    } catch (error) {
      // The signal facts have not seen the project's launch yet (projections run independently).
      if (isReadSideError('PROJECT_NOT_FOUND', error)) return [];
      throw error;
    }
    const latest = await this.latestFacts(projectId, range, asOf);
    const stamp = (period: Window) => {
      const facts = latest.get(monthKey(period.from));
      return {
        at: facts ? facts.occurredAt : period.from,
        recorded: facts ? facts.recordedAt : now,
      };
    };
    const warnings: WarningView[] = [];
    const before = series.periods[0]!;
    const periods = series.periods.slice(1);
    const minimum = { carers: this.thresholds.signalDropMinCarers, facts: this.thresholds.signalDropMinFacts };
    periods.forEach((period, index) => {
      for (const key of SIGNAL_KEYS) {
        const signal = period.signals[key];
        const { value, previousValue, warnDropBy, warnBelow } = signal;
        if (value === null || previousValue === null || warnDropBy === null) continue;
        const drop = previousValue - value;
        if (drop < warnDropBy - 1e-12) continue;
        const support = dropSupport(signal);
        const previousSupport = dropSupport((index === 0 ? before : periods[index - 1]!).signals[key]);
        if (!enoughSupport(previousSupport, support, this.thresholds)) continue;
        const month = monthKey(period.window.from);
        const previousMonth = monthKey(addMonths(startOfMonth(period.window.from), -1));
        const raised = stamp(period.window);
        const recovery = periods
          .slice(index + 1)
          .find(
            (later) =>
              later.signals[key].value !== null && previousValue - later.signals[key].value! < warnDropBy - 1e-12,
          );
        const resolved = recovery ? stamp(recovery.window) : null;
        warnings.push({
          id: uuidv5(`${projectId}|signal_drop|signal|${key}|${month}`, WARNING_ID_NAMESPACE),
          projectId,
          territoryId,
          rule: 'signal_drop',
          severity: warnBelow !== null && value < warnBelow ? 'critical' : 'warning',
          subjectType: 'signal',
          subjectId: key,
          relatedIds: [],
          message: `${signal.label} fell from ${previousValue.toFixed(2)} in ${previousMonth} to ${value.toFixed(2)} in ${month} (a drop of ${drop.toFixed(2)}; the framework warns from ${warnDropBy})`,
          details: {
            signal: key,
            month,
            value: round(value, 6),
            previousValue: round(previousValue, 6),
            drop: round(drop, 6),
            threshold: warnDropBy,
            warnBelow,
            partialMonth: period.window.to.getTime() > now.getTime(),
            recoveredIn: recovery ? monthKey(recovery.window.from) : null,
            support: {
              unit: support.unit,
              value: support.count,
              previousUnit: previousSupport.unit,
              previousValue: previousSupport.count,
              minimum,
            },
            framework: { id: series.framework.id, version: series.framework.version, source: series.framework.source },
          },
          raisedAt: raised.at,
          recordedAt: raised.recorded,
          resolvedAt: resolved ? resolved.at : null,
          resolvedRecordedAt: resolved ? resolved.recorded : null,
          eventId: null,
          position: null,
          sequence: null,
          computed: true,
        });
      }
    });
    return warnings;
  }

  /** Per calendar month of the range, the latest fact of the project: a drop is raised at the last fact its month rests on. */
  private async latestFacts(
    projectId: string,
    range: Window,
    asOf: Date | null,
  ): Promise<Map<string, { occurredAt: Date; recordedAt: Date }>> {
    const rows = await this.database.query<{ month: string; occurred_at: Date | string; recorded_at: Date | string }>(
      `select to_char(occurred_at at time zone 'UTC', 'YYYY-MM') as month,
              max(occurred_at) as occurred_at, max(recorded_at) as recorded_at
       from ${SIGNAL_FACTS_TABLE}
       where project_id = $1 and occurred_at >= $2 and occurred_at < $3
         and ($4::timestamptz is null or occurred_at <= $4)
       group by 1`,
      [projectId, range.from.toISOString(), range.to.toISOString(), asOf?.toISOString() ?? null],
    );
    return new Map(
      rows.map((row) => [row.month, { occurredAt: new Date(row.occurred_at), recordedAt: new Date(row.recorded_at) }]),
    );
  }
}
