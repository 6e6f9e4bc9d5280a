import { round } from '../shared/index.js';
import { SIGNAL_KEYS, type IndicatorKey, type SignalKey } from './framework.js';
import { INDICATORS_BY_KEY, indicatorValue, type ValueRule } from './indicators/index.js';
import type { IndicatorResult, SignalReport, SignalResult, SignalSeries, SignalWarning } from './signal-report.js';
import { suppressSignalComparison, suppressSignalReport, suppressSignalSeries } from './signal-suppression.js';

/**
 * Disclosure control against differencing, for roles that may not identify carers (applied after
 * small-group suppression; docs/security.md, "Differencing"). Two results whose carers differ by one
 * carer (two `asOf` moments, two windows, a project and its territory, two frameworks) would give
 * that carer's answers by subtraction, however many carers each is computed over. So every figure a
 * single carer moves is rounded to a base — counts of carers and of their acts to a multiple of
 * `COUNT_BASE`, sums of scores (each answer adds at most 1) to a whole number — and every figure
 * built on them is recomputed from the rounded ones: an indicator's value by its rule, a signal as
 * the weighted mean of its indicators' rounded values, the warnings from those. A carer's answer then
 * shows only as a step from one multiple to the next, which bounds it without giving it.
 *
 * Deterministic (no noise that repeating a query would average away), pure, idempotent. Figures
 * not derived from carers' own facts (carerCount null) are left exact.
 */

/** Counts of carers and of their acts are rounded to a multiple of this (statistical offices use 5 or 10). */
export const COUNT_BASE = 5;
/** Sums of scores in [0, 1] per answer are rounded to a multiple of this (one answer's whole range). */
export const SCORE_BASE = 1;

/** Nearest multiple of `base`, halves up; a negative sum (a loss of understanding) rounds the same way. */
export function roundToBase(value: number, base: number): number {
  return round(Math.floor(value / base + 0.5) * base);
}

/**
 * A count that is positive stays at least `base`: whether there is any data at all is told anyway
 * (an indicator without data is left out of its signal), and a denominator of 0 would undefine it.
 */
export function roundCount(value: number, base = COUNT_BASE): number {
  return value > 0 ? Math.max(base, roundToBase(value, base)) : value;
}

/** What a single carer moves in an indicator's numerator and denominator. */
type Part = 'count' | 'score' | 'exact';
/** The default for a carer-derived indicator is counts over counts; these differ. */
const PARTS: Partial<Record<IndicatorKey, readonly [Part, Part]>> = {
  // Against eligible × the reach target, and activities held × the norm: not about carers.
  reach: ['count', 'exact'],
  attendancePerActivity: ['count', 'exact'],
  satisfaction: ['score', 'count'],
  instrumentScore: ['score', 'count'],
  understandingGain: ['score', 'score'],
};

function roundPart(value: number, part: Part, isDenominator: boolean): number {
  if (part === 'exact') return value;
  const base = part === 'count' ? COUNT_BASE : SCORE_BASE;
  return isDenominator ? roundCount(value, base) : roundToBase(value, base);
}

/** The note a signal carries once its carer-derived figures are rounded. */
export const ROUNDING_NOTE = `Carer-derived figures are rounded (counts to multiples of ${COUNT_BASE}, score sums to whole numbers) and the values recomputed from them, so that results cannot be subtracted to reveal one carer; the previous value is withheld (ask for the previous window itself).`;

function roundIndicator(indicator: IndicatorResult): IndicatorResult {
  if (indicator.carerCount === null || indicator.numerator === null || indicator.denominator === null) {
    return indicator;
  }
  const [numeratorPart, denominatorPart] = PARTS[indicator.key] ?? ['count', 'count'];
  const numerator = roundPart(indicator.numerator, numeratorPart, false);
  const denominator = roundPart(indicator.denominator, denominatorPart, true);
  // An indicator another part of the platform may add is judged as a ratio until it says otherwise.
  const rule: ValueRule = INDICATORS_BY_KEY.get(indicator.key)?.rule ?? 'ratio';
  const value = indicatorValue(rule, { numerator, denominator });
  return {
    ...indicator,
    numerator,
    denominator,
    value: value === null ? null : round(value),
    carerCount: roundCount(indicator.carerCount),
  };
}

const isCarerDerived = (signal: SignalResult) =>
  signal.indicators.some((indicator) => indicator.carerCount !== null || indicator.suppressed);

function roundSignal(signal: SignalResult): SignalResult {
  if (!isCarerDerived(signal)) return signal;
  const indicators = signal.indicators.map(roundIndicator);
  const included = indicators.filter((indicator) => indicator.included);
  // A withheld value stays withheld; the others are the weighted mean of the rounded values.
  const value =
    signal.value === null || included.some((indicator) => indicator.value === null)
      ? signal.value
      : round(included.reduce((sum, i) => sum + i.weight * i.value!, 0) / signal.includedWeight);
  return {
    ...signal,
    value,
    // Not recomputable from rounded counts here: the previous window is asked for on its own.
    previousValue: null,
    previousValueSuppressed: signal.previousValueSuppressed || signal.previousValue !== null,
    carerCount: signal.carerCount === null ? null : roundCount(signal.carerCount),
    indicators,
    note: signal.note.includes(ROUNDING_NOTE) ? signal.note : `${signal.note} ${ROUNDING_NOTE}`,
  };
}

/**
 * The warnings of a report whose carer-derived signals were rounded: theirs are told again from the
 * rounded values (below the threshold), and a drop, which needs the withheld previous value, is left
 * out; the others stay. Order as in signal-warnings.ts: the framework's, the signals', the barriers'.
 */
function roundedWarnings(report: SignalReport, signals: SignalReport['signals']): SignalWarning[] {
  const rounded = SIGNAL_KEYS.filter((key) => isCarerDerived(report.signals[key]));
  const others = report.warnings.filter(
    (warning) => warning.signal === null || !rounded.includes(warning.signal as SignalKey),
  );
  const below = rounded
    .map((key) => signals[key])
    .filter((signal) => signal.value !== null && signal.warnBelow !== null && signal.value < signal.warnBelow)
    .map((signal): SignalWarning => ({
      kind: 'BELOW_THRESHOLD',
      signal: signal.key,
      message: `${signal.label} is ${signal.value!.toFixed(2)}, below the framework's threshold ${signal.warnBelow}`,
      value: signal.value,
      threshold: signal.warnBelow,
      code: null,
    }));
  const rank = (warning: SignalWarning) =>
    warning.kind === 'BARRIER_REPEATED'
      ? SIGNAL_KEYS.length + 1
      : warning.signal === null
        ? -1
        : SIGNAL_KEYS.indexOf(warning.signal as SignalKey);
  // Array.prototype.sort is stable: warnings of the same rank keep their order.
  return [...others, ...below].sort((a, b) => rank(a) - rank(b));
}

/** The report with its carer-derived figures rounded, for a role that may not identify carers. */
export function roundSignalReport(report: SignalReport): SignalReport {
  const signals = Object.fromEntries(SIGNAL_KEYS.map((key) => [key, roundSignal(report.signals[key])] as const)) as {
    [S in SignalKey]: SignalResult;
  };
  return {
    ...report,
    signals,
    warnings: roundedWarnings(report, signals),
    carerCount: report.carerCount === null ? null : roundCount(report.carerCount),
  };
}

/**
 * What a role that may not identify carers is shown: small groups withheld (signal-suppression.ts),
 * then every other carer-derived figure rounded. Withholding and rounding stay apart so that each is
 * checked on exact figures; the API applies both, through these.
 */
export const reportForRestrictedRole = (report: SignalReport, minCarers: number): SignalReport =>
  roundSignalReport(suppressSignalReport(report, minCarers));

/** Restricted views of kept series (signal-result-cache.ts), so a kept series is withheld and rounded once per threshold. */
const restrictedSeries = new WeakMap<SignalSeries, Map<number, SignalSeries>>();

export const seriesForRestrictedRole = (series: SignalSeries, minCarers: number): SignalSeries => {
  let views = restrictedSeries.get(series);
  if (!views) restrictedSeries.set(series, (views = new Map()));
  let view = views.get(minCarers);
  if (!view) {
    const suppressed = suppressSignalSeries(series, minCarers);
    view = { ...suppressed, periods: suppressed.periods.map(roundSignalReport) };
    views.set(minCarers, view);
  }
  return view;
};

export const comparisonForRestrictedRole = (reports: readonly SignalReport[], minCarers: number): SignalReport[] =>
  suppressSignalComparison(reports, minCarers).map(roundSignalReport);
