import { round } from '../shared/index.js';
import {
  indicatorRef,
  SIGNAL_KEYS,
  SIGNAL_LABELS,
  type IndicatorRef,
  type SignalFramework,
  type SignalKey,
} from './framework.js';
import { frameworkIndicators, indicatorValue, type Fraction, type IndicatorDefinition } from './indicators/index.js';
import { NO_CARER_COUNTS, type CarerCounts, type SignalResult } from './signal-report.js';

/**
 * Combines indicator fractions into the four signals of a framework, with the carers behind them;
 * `previous` are the signals of the window before (for previousValue). Fractions and carer counts
 * are by indicator ref (key, or key and instrument); `indicators` are the framework's definitions
 * (frameworkIndicators: which instrument indicators are carer-derived).
 */
export function combine(
  framework: SignalFramework,
  fractions: ReadonlyMap<IndicatorRef, Fraction>,
  carers: CarerCounts = NO_CARER_COUNTS,
  previous?: { readonly [S in SignalKey]: SignalResult },
  indicators: ReadonlyMap<IndicatorRef, IndicatorDefinition> = frameworkIndicators(framework),
): { [S in SignalKey]: SignalResult } {
  const signals = {} as { [S in SignalKey]: SignalResult };
  for (const key of SIGNAL_KEYS) {
    const definition = framework.definition.signals[key];
    const raw = definition.indicators.map((weighted) => {
      const ref = indicatorRef(weighted);
      const indicator = indicators.get(ref)!;
      const fraction = fractions.get(ref) ?? { numerator: 0, denominator: 0 };
      const value = indicatorValue(indicator.rule, fraction);
      const { weight, instrumentId } = weighted;
      return { ref, instrumentId, indicator, weight, fraction, value, included: value !== null && weight > 0 };
    });
    const includedWeight = raw.filter((r) => r.included).reduce((sum, r) => sum + r.weight, 0);
    const totalWeight = raw.filter((r) => r.weight > 0).reduce((sum, r) => sum + r.weight, 0);
    const value =
      includedWeight > 0
        ? round(raw.filter((r) => r.included).reduce((sum, r) => sum + r.weight * r.value!, 0) / includedWeight)
        : null;
    const leftOut = raw.filter((r) => r.weight > 0 && r.value === null).map((r) => r.ref);
    const zeroWeight = raw.filter((r) => r.weight === 0).map((r) => r.ref);
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
        ...(indicator.instrumentId === undefined ? {} : { instrumentId: indicator.instrumentId }),
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
        ...(r.instrumentId === undefined ? {} : { instrumentId: r.instrumentId }),
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
        carerCount: r.indicator.carers ? (carers.byIndicator.get(r.ref) ?? 0) : null,
        suppressed: false,
        suppressionReason: null,
      })),
    };
  }
  return signals;
}
