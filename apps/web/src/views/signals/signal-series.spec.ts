import { describe, expect, it } from '@jest/globals';
import {
  chartDescription,
  isBelow,
  lastDayOf,
  minCarersIn,
  parseGranularity,
  selectedIndex,
  signalChartOption,
  signalKeyOf,
  thresholds,
  type PeriodSignals,
  type SignalPoint,
} from './signal-series';

const point = (value: number | null, extra: Partial<SignalPoint> = {}): SignalPoint => ({
  value,
  suppressed: false,
  warnBelow: 0.5,
  ...extra,
});

const periods: PeriodSignals[] = [
  {
    window: { from: '2024-01-01T00:00:00.000Z' },
    trust: point(0.6),
    engagement: point(null, { suppressed: true }),
    partnershipCohesion: point(null),
    coCreationBalance: point(0.4, { warnBelow: 0.3 }),
  },
  {
    window: { from: '2024-02-01T00:00:00.000Z' },
    trust: point(0.45),
    engagement: point(0.7),
    partnershipCohesion: point(0.8),
    coCreationBalance: point(0.5, { warnBelow: 0.3 }),
  },
];

interface Series {
  name: string;
  data: Array<number | null | { value: number | null; symbolSize: number }>;
  markLine?: { data: Array<{ yAxis: number }>; lineStyle: { type: string }; label: { show: boolean } };
}

const seriesOf = (option: ReturnType<typeof signalChartOption>) => (option as { series: Series[] }).series;

describe('signals view: chart and table shaping', () => {
  it('reads the granularity from the URL, months unless quarters are asked for', () => {
    expect(parseGranularity('QUARTER')).toBe('QUARTER');
    expect(parseGranularity('MONTH')).toBe('MONTH');
    expect(parseGranularity(null)).toBe('MONTH');
    expect(parseGranularity('week')).toBe('MONTH');
  });

  it('maps a clicked series back to its signal', () => {
    expect(signalKeyOf('Partnership cohesion')).toBe('partnershipCohesion');
    expect(signalKeyOf('trust')).toBe('trust');
    expect(signalKeyOf('Nothing')).toBeNull();
  });

  it('draws one line per signal with withheld and missing values as gaps, never as 0', () => {
    const series = seriesOf(signalChartOption(periods, 'MONTH', null));
    expect(series.map((entry) => entry.name)).toEqual([
      'Trust',
      'Engagement',
      'Partnership cohesion',
      'Co-creation balance',
    ]);
    expect(series[0]!.data).toEqual([0.6, 0.45]);
    expect(series[1]!.data).toEqual([null, 0.7]);
    expect(series[2]!.data).toEqual([null, 0.8]);
  });

  it("draws each signal's threshold as a dashed line, labelling each level once", () => {
    const series = seriesOf(signalChartOption(periods, 'MONTH', null));
    expect(series.map((entry) => entry.markLine?.data[0]?.yAxis)).toEqual([0.5, 0.5, 0.5, 0.3]);
    expect(series.every((entry) => entry.markLine?.lineStyle.type === 'dashed')).toBe(true);
    expect(series.map((entry) => entry.markLine?.label.show)).toEqual([true, false, false, true]);
  });

  it('leaves out the threshold line of a signal without one', () => {
    const without = periods.map((entry) => ({ ...entry, trust: point(0.6, { warnBelow: null }) }));
    expect(thresholds(without).trust).toBeNull();
    expect(seriesOf(signalChartOption(without, 'MONTH', null))[0]!.markLine).toBeUndefined();
  });

  it('enlarges the selected point only, and finds the selection by period start', () => {
    const selection = { signal: 'engagement' as const, from: '2024-02-01T00:00:00.000Z' };
    expect(selectedIndex(periods, selection)).toBe(1);
    expect(selectedIndex(periods, { signal: 'trust', from: '2024-03-01T00:00:00.000Z' })).toBe(-1);
    expect(selectedIndex(periods, null)).toBe(-1);
    const series = seriesOf(signalChartOption(periods, 'MONTH', selection));
    expect(series[1]!.data[1]).toMatchObject({ value: 0.7, symbolSize: 16 });
    expect(series[0]!.data).toEqual([0.6, 0.45]);
  });

  it('says a value is below its threshold only when it is shown', () => {
    expect(isBelow(0.45, 0.5)).toBe(true);
    expect(isBelow(0.5, 0.5)).toBe(false);
    expect(isBelow(null, 0.5)).toBe(false);
    expect(isBelow(0.1, null)).toBe(false);
  });

  it('reads the small-group threshold from the API reason', () => {
    expect(minCarersIn('Computed over fewer than 5 carers: withheld so that no carer can be singled out.')).toBe(5);
    expect(minCarersIn('Counts retention, computed over fewer than 7 carers: withheld …')).toBe(7);
    expect(minCarersIn(null)).toBeUndefined();
  });

  it('describes the chart and the last day of a half-open window', () => {
    expect(chartDescription([], 'MONTH')).toMatch(/no periods/);
    expect(chartDescription(periods, 'QUARTER')).toMatch(/^Signals by quarter, Q1 2024 to Q1 2024/);
    expect(lastDayOf('2024-02-01T00:00:00.000Z').toISOString()).toBe('2024-01-31T23:59:59.999Z');
  });
});
