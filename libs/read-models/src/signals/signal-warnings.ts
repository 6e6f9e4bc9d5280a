import { SIGNAL_KEYS, type SignalFramework, type SignalKey } from './framework.js';
import type { SignalResult, SignalWarning } from './signal-report.js';

/** A barrier code observed at least the framework's `barrierRepeatCount` times in the window. */
export interface RepeatedBarrier {
  readonly code: string;
  readonly count: number;
}

/**
 * A report's warnings: the framework's own (e.g. an adopted framework not registered), then per
 * signal a value below its threshold or dropped by its drop threshold since the previous window,
 * then the barriers observed repeatedly.
 */
export function signalWarnings(
  framework: SignalFramework,
  signals: { readonly [S in SignalKey]: SignalResult },
  repeatedBarriers: readonly RepeatedBarrier[],
  frameworkWarnings: readonly SignalWarning[],
): SignalWarning[] {
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
  for (const repeated of repeatedBarriers) {
    warnings.push({
      kind: 'BARRIER_REPEATED',
      signal: null,
      message: `Barrier ${repeated.code} was observed ${repeated.count} times in this window`,
      value: repeated.count,
      threshold: framework.definition.parameters.barrierRepeatCount,
      code: repeated.code,
    });
  }
  return warnings;
}
