import { pilotWindow } from '../../app/periods';
import { SIGNALS, type Granularity, type SignalKey } from '../signals/signal-series';

export type { Granularity, SignalKey };

/** The four signals, in the order the platform reports them, named as the signals view names them. */
export const SIGNAL_KEYS: readonly SignalKey[] = SIGNALS.map((signal) => signal.key);
export const SIGNAL_LABELS = Object.fromEntries(SIGNALS.map((signal) => [signal.key, signal.label])) as Record<
  SignalKey,
  string
>;

/** A registered framework version, written `id@version` in the URL (`default@1`). */
export interface FrameworkRef {
  readonly id: string;
  readonly version: number;
}

export function parseFrameworkRef(value: string | null | undefined): FrameworkRef | null {
  if (!value) return null;
  const match = /^([A-Za-z0-9_.:-]{1,100})@(\d{1,9})$/.exec(value.trim());
  if (!match) return null;
  return { id: match[1]!, version: Number(match[2]) };
}

export function frameworkRefParam(ref: FrameworkRef): string {
  return `${ref.id}@${ref.version}`;
}

export function sameFramework(a: FrameworkRef | null, b: FrameworkRef | null): boolean {
  return !!a && !!b && a.id === b.id && a.version === b.version;
}

/** What the territories view shows, all of it kept in the URL so that a link shows the same. */
export interface TerritoryPicks {
  /** Territories picked explicitly; empty: every territory the reader can see. */
  readonly territories: readonly string[];
  /** First and last month of the window, both included (`2025-01`); null: the pilots' months. */
  readonly from: string | null;
  readonly to: string | null;
  /** Framework A (the reference) and B; null: chosen for the reader. */
  readonly left: FrameworkRef | null;
  readonly right: FrameworkRef | null;
  readonly signal: SignalKey;
  readonly granularity: Granularity;
  /** The territory the frameworks are compared on; null: the first one picked. */
  readonly scope: string | null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string | null | undefined): value is string {
  return !!value && MONTH.test(value);
}

export function readPicks(params: URLSearchParams): TerritoryPicks {
  const territories = [
    ...new Set(
      params
        .getAll('territory')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  const signal = params.get('signal');
  const from = params.get('from');
  const to = params.get('to');
  return {
    territories,
    from: isMonth(from) ? from : null,
    to: isMonth(to) ? to : null,
    left: parseFrameworkRef(params.get('left')),
    right: parseFrameworkRef(params.get('right')),
    signal: (SIGNAL_KEYS as readonly string[]).includes(signal ?? '') ? (signal as SignalKey) : 'trust',
    granularity: params.get('granularity') === 'QUARTER' ? 'QUARTER' : 'MONTH',
    scope: params.get('scope')?.trim() || null,
  };
}

/** The URL after some picks change; everything else in it (asOf, knownAt) is kept. */
export function writePicks(current: URLSearchParams, changes: Partial<TerritoryPicks>): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | null) => {
    if (value === null) next.delete(key);
    else next.set(key, value);
  };
  if (changes.territories !== undefined) {
    next.delete('territory');
    for (const id of changes.territories) next.append('territory', id);
  }
  if (changes.from !== undefined) set('from', changes.from);
  if (changes.to !== undefined) set('to', changes.to);
  if (changes.left !== undefined) set('left', changes.left ? frameworkRefParam(changes.left) : null);
  if (changes.right !== undefined) set('right', changes.right ? frameworkRefParam(changes.right) : null);
  if (changes.signal !== undefined) set('signal', changes.signal === 'trust' ? null : changes.signal);
  if (changes.granularity !== undefined)
    set('granularity', changes.granularity === 'MONTH' ? null : changes.granularity);
  if (changes.scope !== undefined) set('scope', changes.scope);
  return next;
}

/** `2025-03` → the instant the month starts, UTC. */
export function monthStart(month: string): string {
  return `${month}-01T00:00:00.000Z`;
}

/** `2025-03` → the instant the next month starts (the end of a window that includes March). */
export function monthEnd(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index, 1)).toISOString();
}

/** The month an instant falls in, UTC. */
export function monthOf(instant: string | Date): string {
  return (typeof instant === 'string' ? new Date(instant) : instant).toISOString().slice(0, 7);
}

/** The month an exclusive window end closes (the month before `to` when `to` starts a month). */
export function lastMonthBefore(to: string): string {
  return monthOf(new Date(new Date(to).getTime() - 1));
}

export interface Window {
  readonly from: string;
  readonly to: string;
}

export interface PilotOf {
  readonly territoryId: string;
  readonly startsOn: string;
  readonly pilotMonths: number;
}

/**
 * The window shown when the reader has not picked one: every month of the pilots in the picked
 * territories (up to `at`, the moment shown, at most 24 months), else the 12 months ending with
 * the month of `at`.
 */
export function defaultWindow(projects: readonly PilotOf[], territories: readonly string[], at: Date): Window {
  let from: string | null = null;
  let to: string | null = null;
  for (const project of projects) {
    if (!territories.includes(project.territoryId)) continue;
    const window = pilotWindow(project.startsOn, project.pilotMonths, at);
    if (!window) continue;
    if (from === null || window.from < from) from = window.from;
    if (to === null || window.to > to) to = window.to;
  }
  if (from !== null && to !== null) return { from, to };
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 12, 1));
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The window the picks describe (months included at both ends), or why it cannot be used. */
export function pickedWindow(
  picks: Pick<TerritoryPicks, 'from' | 'to'>,
  fallback: Window,
): { window: Window; problem: null } | { window: null; problem: string } {
  const from = picks.from ? monthStart(picks.from) : fallback.from;
  const to = picks.to ? monthEnd(picks.to) : fallback.to;
  if (from >= to) return { window: null, problem: 'The first month of the window comes after its last month.' };
  return { window: { from, to }, problem: null };
}

/** A registered framework version as listed by `signalFrameworks`. */
export interface FrameworkEntry {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly registeredAt: string;
}

export const refOf = (framework: FrameworkEntry): FrameworkRef => ({ id: framework.id, version: framework.version });

/** A: the picked one, else default v1 (else the first listed); B: the picked one, else the newest other version. */
export function defaultFrameworks(
  frameworks: readonly FrameworkEntry[],
  picks: Pick<TerritoryPicks, 'left' | 'right'>,
): { left: FrameworkRef | null; right: FrameworkRef | null } {
  const first = frameworks.find((f) => f.id === 'default' && f.version === 1) ?? frameworks[0];
  const left = picks.left ?? (first ? refOf(first) : null);
  if (picks.right) return { left, right: picks.right };
  const newest = [...frameworks]
    .filter((f) => !sameFramework(refOf(f), left))
    .sort((a, b) => b.registeredAt.localeCompare(a.registeredAt) || b.version - a.version)[0];
  return { left, right: newest ? refOf(newest) : null };
}
