import { validDate } from '../shared/index.js';
import { readSideError } from '../shared/read-side.reasons.js';
import type { Granularity, Window } from './signal-periods.js';

/** What a signal query covers: one project, or the projects launched in one territory. */
export type SignalScope =
  | { readonly projectId: string; readonly territoryId?: null }
  | { readonly territoryId: string; readonly projectId?: null };

export interface TimeTravel {
  /** Only facts that occurred at or before this moment. */
  readonly asOf: Date | null;
  /** Only facts recorded at or before this moment. */
  readonly knownAt: Date | null;
}

export interface FrameworkRef {
  readonly id: string;
  readonly version: number;
}

export interface SignalRequest {
  readonly scope: SignalScope;
  readonly window?: Window | null;
  readonly asOf?: Date | null;
  readonly knownAt?: Date | null;
  readonly framework?: FrameworkRef | null;
  /** The clock, for the default window; defaults to now. */
  readonly now?: Date;
}

export interface SeriesRequest {
  readonly scope: SignalScope;
  readonly from: Date;
  readonly to: Date;
  readonly granularity: Granularity;
  readonly asOf?: Date | null;
  readonly knownAt?: Date | null;
  readonly framework?: FrameworkRef | null;
}

/** The request's `asOf`/`knownAt`, refused (INVALID_DATE) when not valid dates. */
export function timeTravelOf(request: { asOf?: Date | null; knownAt?: Date | null }): TimeTravel {
  return { asOf: validDate('asOf', request.asOf), knownAt: validDate('knownAt', request.knownAt) };
}

/** Refuses a window whose ends are not valid dates or not in order (INVALID_DATE, INVALID_WINDOW). */
export function requireWindow(window: Window, field = 'window'): void {
  validDate(`${field}.from`, window.from);
  validDate(`${field}.to`, window.to);
  if (!(window.from < window.to)) {
    throw readSideError(
      'INVALID_WINDOW',
      `${field}.from must be before ${field}.to (windows are half-open [from, to))`,
      {
        from: window.from.toISOString(),
        to: window.to.toISOString(),
      },
    );
  }
}

/** Refuses a scope that names neither or both of a project and a territory (INVALID_SCOPE). */
export function requireScope(scope: SignalScope): void {
  const hasProject = typeof scope.projectId === 'string' && scope.projectId.length > 0;
  const hasTerritory = typeof scope.territoryId === 'string' && scope.territoryId.length > 0;
  if (hasProject === hasTerritory) {
    throw readSideError('INVALID_SCOPE', 'scope must name exactly one of projectId or territoryId');
  }
}
