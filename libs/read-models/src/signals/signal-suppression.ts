import { indicatorRef, SIGNAL_KEYS, type SignalKey } from './framework.js';
import type { IndicatorResult, SignalReport, SignalResult, SignalSeries, SignalWarning } from './signal-report.js';

/**
 * Small-group suppression: for roles that may not see individual carers, a figure computed over
 * fewer than `minCarers` distinct carers is withheld, so that nobody can be singled out from a
 * report. Pure functions over computed results (no I/O, no domain); docs/signals.md, "Small groups".
 *
 * - A figure over 1 to `minCarers − 1` carers is replaced by null and marked `suppressed` with a
 *   reason. Over 0 carers there is nothing to single anybody out from: it is left as it is (without
 *   data it is already null). Figures not derived from carers' facts (`carerCount` null:
 *   organisations, activities held, barriers, decisions) are never withheld.
 * - A composite must not give a withheld figure back: a signal is a weighted mean of its
 *   indicators, so with the other indicators shown a withheld one could be solved for. A signal
 *   whose value counts a withheld indicator is withheld as well, and its previous value by the same
 *   rule over the previous window; warnings that would tell either value (below threshold, dropped)
 *   are left out.
 * - The counts themselves (`carerCount`) are withheld with the figure: "3 carers" is what is hidden.
 * - What is shown is also rounded, so that two results cannot be subtracted to single out one carer:
 *   the API shows `reportForRestrictedRole` and its kin (disclosure-control.ts).
 */

/** True for a count of carers small enough to single someone out: 1 to minCarers − 1. */
export function isSmallGroup(carerCount: number | null, minCarers: number): boolean {
  return carerCount !== null && carerCount >= 1 && carerCount < minCarers;
}

export function requireMinCarers(minCarers: number): number {
  if (!Number.isInteger(minCarers) || minCarers < 1) {
    throw new RangeError(`minCarers must be a positive integer (got ${minCarers})`);
  }
  return minCarers;
}

/** The reason given for a figure computed over too few carers. */
export const smallGroupReason = (minCarers: number) =>
  `Computed over fewer than ${minCarers} carers: withheld so that no carer can be singled out.`;

function suppressIndicator(indicator: IndicatorResult, minCarers: number): IndicatorResult {
  if (!isSmallGroup(indicator.carerCount, minCarers)) return indicator;
  return {
    ...indicator,
    value: null,
    numerator: null,
    denominator: null,
    carerCount: null,
    suppressed: true,
    suppressionReason: smallGroupReason(minCarers),
  };
}

function suppressSignal(signal: SignalResult, minCarers: number): SignalResult {
  // `included`: the indicator has data and a weight above 0, so the value counts it.
  const leaking = signal.indicators
    .filter((indicator) => indicator.included && isSmallGroup(indicator.carerCount, minCarers))
    .map(indicatorRef);
  const previousLeaking = signal.previousIndicators.some(
    (indicator) => indicator.included && isSmallGroup(indicator.carerCount, minCarers),
  );
  const valueSuppressed = leaking.length > 0 && signal.value !== null;
  const previousSuppressed = previousLeaking && signal.previousValue !== null;
  const reason = valueSuppressed
    ? `Counts ${leaking.join(', ')}, computed over fewer than ${minCarers} carers: withheld so that ${
        leaking.length === 1 ? 'it' : 'they'
      } cannot be worked out from the signal and its other indicators.`
    : signal.suppressionReason;
  return {
    ...signal,
    value: valueSuppressed ? null : signal.value,
    previousValue: previousSuppressed ? null : signal.previousValue,
    carerCount: isSmallGroup(signal.carerCount, minCarers) ? null : signal.carerCount,
    indicators: signal.indicators.map((indicator) => suppressIndicator(indicator, minCarers)),
    suppressed: signal.suppressed || valueSuppressed,
    suppressionReason: reason,
    previousValueSuppressed: signal.previousValueSuppressed || previousSuppressed,
    note: valueSuppressed
      ? `${signal.note} Value withheld: it counts ${leaking.join(', ')}, computed over fewer than ${minCarers} carers.`
      : signal.note,
  };
}

/** A warning that states (or bounds) a withheld value is left out. */
function keepsWarning(warning: SignalWarning, signals: SignalReport['signals']): boolean {
  if (warning.signal === null) return true;
  const signal = signals[warning.signal as SignalKey];
  if (!signal) return true;
  if (warning.kind === 'BELOW_THRESHOLD') return !signal.suppressed;
  if (warning.kind === 'DROPPED') return !signal.suppressed && !signal.previousValueSuppressed;
  return true;
}

/** The report with small groups withheld, as a role that may not identify carers sees it before rounding. */
export function suppressSignalReport(report: SignalReport, minCarers: number): SignalReport {
  requireMinCarers(minCarers);
  const signals = Object.fromEntries(
    SIGNAL_KEYS.map((key) => [key, suppressSignal(report.signals[key], minCarers)] as const),
  ) as { [S in SignalKey]: SignalResult };
  const countSuppressed = isSmallGroup(report.carerCount, minCarers);
  const anySuppressed = SIGNAL_KEYS.some((key) => {
    const signal = signals[key];
    return signal.suppressed || signal.previousValueSuppressed || signal.indicators.some((i) => i.suppressed);
  });
  return {
    ...report,
    signals,
    warnings: report.warnings.filter((warning) => keepsWarning(warning, signals)),
    carerCount: countSuppressed ? null : report.carerCount,
    suppressed: report.suppressed || countSuppressed || anySuppressed,
  };
}

/** Every period of a series, each by its own carers (a period's previous value is the period before). */
export function suppressSignalSeries(series: SignalSeries, minCarers: number): SignalSeries {
  requireMinCarers(minCarers);
  return { ...series, periods: series.periods.map((period) => suppressSignalReport(period, minCarers)) };
}

/** Reports of several frameworks over the same facts (compareSignals), each suppressed. */
export function suppressSignalComparison(reports: readonly SignalReport[], minCarers: number): SignalReport[] {
  requireMinCarers(minCarers);
  return reports.map((report) => suppressSignalReport(report, minCarers));
}
