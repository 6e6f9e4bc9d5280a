import type { EChartsCoreOption } from 'echarts/core';
import { decimal, percent, period } from '../../ui/format';

/** Chart and table shaping for the signals view: pure, so it is tested without a browser. */

export type Granularity = 'MONTH' | 'QUARTER';

export const SIGNALS = [
  { key: 'trust', label: 'Trust', colour: '#1f5fbf', symbol: 'circle' },
  { key: 'engagement', label: 'Engagement', colour: '#a14f00', symbol: 'rect' },
  { key: 'partnershipCohesion', label: 'Partnership cohesion', colour: '#1b7a3a', symbol: 'triangle' },
  { key: 'coCreationBalance', label: 'Co-creation balance', colour: '#7b3fa0', symbol: 'diamond' },
] as const;

export type SignalKey = (typeof SIGNALS)[number]['key'];

/** What the chart needs of one signal in one period. */
export interface SignalPoint {
  readonly value?: number | null;
  readonly suppressed: boolean;
  readonly warnBelow?: number | null;
}

/** What the chart needs of one period: its window and its four signals. */
export type PeriodSignals = { readonly window: { readonly from: string } } & {
  readonly [key in SignalKey]: SignalPoint;
};

export interface Selection {
  readonly signal: SignalKey;
  /** The period's start (its window's `from`), so a selection survives a redraw. */
  readonly from: string;
}

/** `?granularity=QUARTER` → quarters; anything else (or nothing) → months. */
export function parseGranularity(value: string | null): Granularity {
  return value === 'QUARTER' ? 'QUARTER' : 'MONTH';
}

export function signalLabel(key: SignalKey): string {
  return SIGNALS.find((signal) => signal.key === key)?.label ?? key;
}

/** The chart's series name (the signal's label) back to its key. */
export function signalKeyOf(seriesName: string): SignalKey | null {
  return SIGNALS.find((signal) => signal.label === seriesName || signal.key === seriesName)?.key ?? null;
}

/** Each signal's warning threshold: the first the periods state (the framework's, the same throughout). */
export function thresholds(periods: readonly PeriodSignals[]): Record<SignalKey, number | null> {
  const result = {} as Record<SignalKey, number | null>;
  for (const { key } of SIGNALS) {
    const found = periods.find((entry) => entry[key].warnBelow !== null && entry[key].warnBelow !== undefined);
    result[key] = found?.[key].warnBelow ?? null;
  }
  return result;
}

/** A shown value under its threshold (a withheld or missing value is never "below"). */
export function isBelow(value: number | null | undefined, warnBelow: number | null | undefined): boolean {
  return value !== null && value !== undefined && warnBelow !== null && warnBelow !== undefined && value < warnBelow;
}

/** A signal or indicator value as the reader sees it: a percentage with one decimal. */
export function signalValue(value: number | null | undefined): string {
  return percent(value, 1);
}

/** Numerators and denominators: counts, or sums of scores (up to two decimals). */
export function figure(value: number | null | undefined): string {
  return decimal(value, 2);
}

/** Period labels, in the reader's locale ("Mar 2024", "Q1 2024"). */
export function periodLabels(periods: readonly PeriodSignals[], granularity: Granularity): string[] {
  return periods.map((entry) => period(entry.window.from, granularity));
}

/** Index of the selected period, or -1 when it is not among these periods (another granularity, asOf). */
export function selectedIndex(periods: readonly PeriodSignals[], selection: Selection | null): number {
  if (!selection) return -1;
  return periods.findIndex((entry) => entry.window.from === selection.from);
}

/**
 * The lines: one per signal over the periods, withheld and missing values as gaps (null points,
 * never 0), each signal's threshold as a dashed line of its colour, the selected point enlarged.
 */
export function signalChartOption(
  periods: readonly PeriodSignals[],
  granularity: Granularity,
  selection: Selection | null,
): EChartsCoreOption {
  const labels = periodLabels(periods, granularity);
  const warn = thresholds(periods);
  const chosen = selectedIndex(periods, selection);
  // Thresholds are often equal (the default framework warns below 50% for all four): label each
  // level once, naming the signals it is drawn for, rather than four labels over one another.
  const labelled = new Set<number>();
  const namesAt = (level: number) => {
    const names = SIGNALS.filter((signal) => warn[signal.key] === level).map((signal) => signal.label.toLowerCase());
    return names.length === SIGNALS.length ? 'all four signals' : names.join(', ');
  };
  return {
    color: SIGNALS.map((signal) => signal.colour),
    grid: { left: 56, right: 24, top: 56, bottom: 40 },
    legend: { top: 8, data: SIGNALS.map((signal) => signal.label) },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? signalValue(value) : 'no value'),
    },
    xAxis: { type: 'category', boundaryGap: false, data: labels },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (value: number) => percent(value) },
    },
    series: SIGNALS.map((signal) => {
      const threshold = warn[signal.key];
      const showLabel = threshold !== null && !labelled.has(threshold);
      if (threshold !== null) labelled.add(threshold);
      return {
        name: signal.label,
        type: 'line',
        symbol: signal.symbol,
        symbolSize: 9,
        connectNulls: false,
        lineStyle: { width: 2 },
        data: periods.map((entry, index) => {
          const point = entry[signal.key];
          const value = point.suppressed || point.value === undefined ? null : point.value;
          return selection?.signal === signal.key && index === chosen
            ? { value, symbolSize: 16, itemStyle: { borderColor: '#1d2433', borderWidth: 2 } }
            : value;
        }),
        markLine:
          threshold === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: signal.colour, width: 1.5 },
                label: {
                  show: showLabel,
                  formatter: `threshold ${percent(threshold)} (${namesAt(threshold)})`,
                  position: 'insideEndTop',
                  color: '#1d2433',
                  backgroundColor: 'rgba(255, 255, 255, 0.85)',
                  padding: [2, 4],
                },
                data: [{ yAxis: threshold }],
              },
      };
    }),
  };
}

/** What the chart says to screen readers (the table beside it has every number). */
export function chartDescription(periods: readonly PeriodSignals[], granularity: Granularity): string {
  if (periods.length === 0) return 'Signals chart: no periods.';
  const labels = periodLabels(periods, granularity);
  const unit = granularity === 'QUARTER' ? 'quarter' : 'month';
  return `Signals by ${unit}, ${labels[0]} to ${labels[labels.length - 1]}: trust, engagement, partnership cohesion and co-creation balance, with dashed threshold lines. The table below has every value.`;
}

/** The small-group threshold a suppression reason names ("… fewer than 5 carers …"), if any. */
export function minCarersIn(reason: string | null | undefined): number | undefined {
  const found = reason ? /fewer than (\d+) carers/i.exec(reason) : null;
  return found ? Number(found[1]) : undefined;
}

/** The last day a half-open window [from, to) covers. */
export function lastDayOf(to: string): Date {
  return new Date(new Date(to).getTime() - 1);
}
