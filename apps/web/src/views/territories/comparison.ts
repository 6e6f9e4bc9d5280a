import type { EChartsCoreOption } from 'echarts/core';
import { decimal, percent, period } from '../../ui/format';
import { SIGNAL_KEYS, SIGNAL_LABELS, type Granularity, type SignalKey } from './territory-params';

/** A signal as the API gives it: a value, or null with `suppressed` when withheld for a small group. */
export interface SignalFigure {
  readonly value?: number | null;
  readonly suppressed: boolean;
}

/** What a table cell shows: a number, the withheld wording, or that there is nothing to count. */
export type Cell =
  { readonly kind: 'value'; readonly value: number } | { readonly kind: 'withheld' } | { readonly kind: 'none' };

export function cellOf(figure: SignalFigure | null | undefined): Cell {
  if (!figure) return { kind: 'none' };
  if (figure.suppressed) return { kind: 'withheld' };
  return figure.value === null || figure.value === undefined
    ? { kind: 'none' }
    : { kind: 'value', value: figure.value };
}

/** Values are rounded to 12 decimals by the API; a difference is too, so 0.3 − 0.1 reads 0.2. */
export function roundDelta(delta: number): number {
  const rounded = Math.round(delta * 1e12) / 1e12;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** B − A: withheld when either side is, nothing when either has no value. */
export function differenceOf(left: Cell, right: Cell): Cell {
  if (left.kind === 'withheld' || right.kind === 'withheld') return { kind: 'withheld' };
  if (left.kind === 'none' || right.kind === 'none') return { kind: 'none' };
  return { kind: 'value', value: roundDelta(right.value - left.value) };
}

/** The API's difference (compareSignals): withheld, none, or its delta as given. */
export function apiDifference(difference: { delta?: number | null; suppressed: boolean }): Cell {
  if (difference.suppressed) return { kind: 'withheld' };
  return difference.delta === null || difference.delta === undefined
    ? { kind: 'none' }
    : { kind: 'value', value: difference.delta };
}

/** A share as shown in the tables: one decimal of a percent. */
export function share(value: number): string {
  return percent(value, 1);
}

/** A difference of shares in percentage points, signed: "+2.3 pts", "−0.5 pts", "0 pts". */
export function points(delta: number): string {
  const magnitude = Math.abs(delta * 100);
  const shown = decimal(magnitude, 1);
  if (shown === decimal(0, 1)) return `${shown} pts`;
  return `${delta > 0 ? '+' : '−'}${shown} pts`;
}

const valueOf = (cell: Cell): number | null => (cell.kind === 'value' ? cell.value : null);

export interface TerritoryColumn {
  readonly id: string;
  readonly label: string;
  readonly cells: Record<SignalKey, Cell>;
}

/**
 * What both comparison charts share: read aloud with decal patterns, a tooltip per category in
 * shares of 1 (a gap said as such), the legend scrolling above the plot.
 */
function shareChartFrame(): EChartsCoreOption {
  return {
    aria: { enabled: true, decal: { show: true } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? share(value) : 'no value shown'),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 16, containLabel: true },
  };
}

/** Bars grouped by signal, one bar per territory; a withheld or missing value leaves a gap. */
export function territoryChartOption(columns: readonly TerritoryColumn[]): EChartsCoreOption {
  return {
    ...shareChartFrame(),
    xAxis: {
      type: 'category',
      data: SIGNAL_KEYS.map((key) => SIGNAL_LABELS[key]),
      axisLabel: { interval: 0, width: 96, overflow: 'break', lineHeight: 14 },
    },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (value: number) => percent(value) } },
    series: columns.map((column) => ({
      name: column.label,
      type: 'bar',
      data: SIGNAL_KEYS.map((key) => valueOf(column.cells[key])),
    })),
  };
}

export interface PeriodFigures {
  readonly window: { readonly from: string; readonly to: string };
  readonly trust: SignalFigure;
  readonly engagement: SignalFigure;
  readonly partnershipCohesion: SignalFigure;
  readonly coCreationBalance: SignalFigure;
}

export interface FrameworkRow {
  readonly from: string;
  readonly to: string;
  readonly left: Cell;
  readonly right: Cell;
  readonly difference: Cell;
}

/** One row per period: the signal under A, under B, and B − A. Periods are matched by their start. */
export function frameworkRows(
  left: readonly PeriodFigures[],
  right: readonly PeriodFigures[],
  signal: SignalKey,
): FrameworkRow[] {
  const byStart = new Map(right.map((item) => [new Date(item.window.from).getTime(), item]));
  return left.map((item) => {
    const other = byStart.get(new Date(item.window.from).getTime());
    const a = cellOf(item[signal]);
    const b = cellOf(other?.[signal]);
    return { from: item.window.from, to: item.window.to, left: a, right: b, difference: differenceOf(a, b) };
  });
}

/** Both series on one chart (lines) and their difference (bars), all in shares of 1. */
export function frameworkChartOption(
  rows: readonly FrameworkRow[],
  granularity: Granularity,
  names: { left: string; right: string; difference: string },
): EChartsCoreOption {
  return {
    ...shareChartFrame(),
    xAxis: { type: 'category', data: rows.map((row) => period(row.from, granularity)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => percent(value) } },
    series: [
      { name: names.left, type: 'line', data: rows.map((row) => valueOf(row.left)), symbolSize: 6 },
      {
        name: names.right,
        type: 'line',
        data: rows.map((row) => valueOf(row.right)),
        symbolSize: 6,
        lineStyle: { type: 'dashed' },
      },
      { name: names.difference, type: 'bar', data: rows.map((row) => valueOf(row.difference)), barMaxWidth: 16 },
    ],
  };
}
