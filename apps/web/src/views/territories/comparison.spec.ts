import { describe, expect, it } from '@jest/globals';
import {
  apiDifference,
  cellOf,
  differenceOf,
  frameworkChartOption,
  frameworkRows,
  points,
  territoryChartOption,
  type PeriodFigures,
} from './comparison';

const figure = (value: number | null, suppressed = false) => ({ value, suppressed });
const periodOf = (from: string, to: string, trust: { value: number | null; suppressed: boolean }): PeriodFigures => ({
  window: { from, to },
  trust,
  engagement: figure(0.5),
  partnershipCohesion: figure(0.5),
  coCreationBalance: figure(0.5),
});

describe('territories view: cells', () => {
  it('tells a withheld value from a missing one, and never turns either into 0', () => {
    expect(cellOf(figure(0.25))).toEqual({ kind: 'value', value: 0.25 });
    expect(cellOf(figure(0))).toEqual({ kind: 'value', value: 0 });
    expect(cellOf(figure(null, true))).toEqual({ kind: 'withheld' });
    expect(cellOf(figure(null))).toEqual({ kind: 'none' });
    expect(cellOf(undefined)).toEqual({ kind: 'none' });
  });

  it('computes B − A, withheld when either side is', () => {
    expect(differenceOf(cellOf(figure(0.1)), cellOf(figure(0.3)))).toEqual({ kind: 'value', value: 0.2 });
    expect(differenceOf(cellOf(figure(0.5)), cellOf(figure(0.5)))).toEqual({ kind: 'value', value: 0 });
    expect(differenceOf(cellOf(figure(null, true)), cellOf(figure(0.3)))).toEqual({ kind: 'withheld' });
    expect(differenceOf(cellOf(figure(0.3)), cellOf(figure(null)))).toEqual({ kind: 'none' });
    expect(apiDifference({ delta: -0.05, suppressed: false })).toEqual({ kind: 'value', value: -0.05 });
    expect(apiDifference({ delta: null, suppressed: true })).toEqual({ kind: 'withheld' });
  });

  it('says differences in signed percentage points', () => {
    expect(points(0.023)).toBe('+2.3 pts');
    expect(points(-0.005)).toBe('−0.5 pts');
    expect(points(0)).toBe('0 pts');
    expect(points(0.00001)).toBe('0 pts');
  });
});

describe('territories view: framework rows and charts', () => {
  it('matches the two series period by period', () => {
    const left = [
      periodOf('2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z', figure(0.5)),
      periodOf('2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z', figure(null, true)),
    ];
    const right = [
      periodOf('2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z', figure(0.625)),
      periodOf('2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z', figure(null, true)),
    ];
    const rows = frameworkRows(left, right, 'trust');
    expect(rows).toEqual([
      {
        from: '2025-01-01T00:00:00.000Z',
        to: '2025-02-01T00:00:00.000Z',
        left: { kind: 'value', value: 0.5 },
        right: { kind: 'value', value: 0.625 },
        difference: { kind: 'value', value: 0.125 },
      },
      {
        from: '2025-02-01T00:00:00.000Z',
        to: '2025-03-01T00:00:00.000Z',
        left: { kind: 'withheld' },
        right: { kind: 'withheld' },
        difference: { kind: 'withheld' },
      },
    ]);
    const option = frameworkChartOption(rows, 'MONTH', { left: 'A', right: 'B', difference: 'B − A' }) as {
      series: Array<{ name: string; data: Array<number | null> }>;
    };
    expect(option.series.map((series) => [series.name, series.data])).toEqual([
      ['A', [0.5, null]],
      ['B', [0.625, null]],
      ['B − A', [0.125, null]],
    ]);
  });

  it('groups the territories’ bars by signal, with gaps where a value is withheld', () => {
    const option = territoryChartOption([
      {
        id: 'valley',
        label: 'Valley',
        cells: {
          trust: { kind: 'withheld' },
          engagement: { kind: 'value', value: 0.7 },
          partnershipCohesion: { kind: 'value', value: 0.5 },
          coCreationBalance: { kind: 'none' },
        },
      },
    ]) as { xAxis: { data: string[] }; series: Array<{ name: string; data: Array<number | null> }> };
    expect(option.xAxis.data).toEqual(['Trust', 'Engagement', 'Partnership cohesion', 'Co-creation balance']);
    expect(option.series).toEqual([expect.objectContaining({ name: 'Valley', data: [null, 0.7, 0.5, null] })]);
  });
});
