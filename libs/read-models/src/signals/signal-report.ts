import type { IndicatorKey, IndicatorRef, SignalKey } from './framework.js';
import type { Granularity, Window } from './signal-periods.js';
import type { SignalScope } from './signal-requests.js';

export interface IndicatorResult {
  readonly key: IndicatorKey;
  /** The instrument an `instrumentScore` reads; absent for every other indicator. */
  readonly instrumentId?: string;
  readonly label: string;
  readonly formula: string;
  readonly numeratorLabel: string;
  readonly denominatorLabel: string;
  /** Null only when small-group suppression withheld it. */
  readonly numerator: number | null;
  /** Null only when small-group suppression withheld it. */
  readonly denominator: number | null;
  /** Null when the denominator is 0 (no data, left out of the signal) or when withheld. */
  readonly value: number | null;
  readonly weight: number;
  /** The weight after renormalising over the indicators that have data (0 when left out). */
  readonly effectiveWeight: number;
  readonly included: boolean;
  /**
   * Distinct carers whose own facts the figures were computed from (attendances, answers to
   * invitations, quizzes, survey responses; an anonymous response counts as one carer), over the
   * facts visible to the query in the window. Null for an indicator not derived from carers' facts,
   * and when withheld.
   */
  readonly carerCount: number | null;
  /** True when small-group suppression withheld value, numerator, denominator and carerCount. */
  readonly suppressed: boolean;
  readonly suppressionReason: string | null;
}

/** What `previousValue` was computed from: enough to suppress it exactly as the value was then. */
export interface PreviousIndicator {
  readonly key: IndicatorKey;
  readonly instrumentId?: string;
  readonly included: boolean;
  readonly carerCount: number | null;
}

export interface SignalResult {
  readonly key: SignalKey;
  readonly label: string;
  /** Weighted mean of the included indicators; null when none has data, or when withheld. */
  readonly value: number | null;
  /** The value over the previous window of the same length (for the drop warning). */
  readonly previousValue: number | null;
  readonly indicators: readonly IndicatorResult[];
  /**
   * Distinct carers over the facts of its carer-derived indicators (the union, not a sum); null when
   * none of its indicators is derived from carers' facts, and when withheld.
   */
  readonly carerCount: number | null;
  /** The previous window's indicators, behind `previousValue`. */
  readonly previousIndicators: readonly PreviousIndicator[];
  /** True when small-group suppression withheld the value (it depends on a withheld indicator). */
  readonly suppressed: boolean;
  readonly suppressionReason: string | null;
  /** True when `previousValue` was withheld for the same reason in the previous window. */
  readonly previousValueSuppressed: boolean;
  readonly includedWeight: number;
  readonly totalWeight: number;
  readonly note: string;
  readonly warnBelow: number | null;
  readonly warnDropBy: number | null;
}

export type SignalWarningKind = 'BELOW_THRESHOLD' | 'DROPPED' | 'BARRIER_REPEATED' | 'FRAMEWORK_NOT_REGISTERED';

export interface SignalWarning {
  readonly kind: SignalWarningKind;
  readonly signal: SignalKey | null;
  readonly message: string;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly code: string | null;
}

export type FrameworkSource = 'REQUESTED' | 'TERRITORY_ADOPTED' | 'DEFAULT';

export interface UsedFramework {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly source: FrameworkSource;
}

export interface SignalReport {
  readonly scope: SignalScope;
  readonly window: Window;
  readonly asOf: Date | null;
  readonly knownAt: Date | null;
  readonly framework: UsedFramework;
  readonly signals: { readonly [S in SignalKey]: SignalResult };
  readonly warnings: readonly SignalWarning[];
  /**
   * Distinct carers over the facts of every carer-derived indicator of the framework (the union);
   * null when the framework has none, and when withheld.
   */
  readonly carerCount: number | null;
  /** True when small-group suppression withheld any figure of the report. */
  readonly suppressed: boolean;
}

/** Distinct carers behind one period's figures: per carer-derived indicator, per signal, in all. */
export interface CarerCounts {
  /** By indicator ref: the key, or `instrumentScore:<instrumentId>`. */
  readonly byIndicator: ReadonlyMap<IndicatorRef, number>;
  readonly bySignal: ReadonlyMap<SignalKey, number>;
  /** Null when the framework has no carer-derived indicator. */
  readonly total: number | null;
}

export const NO_CARER_COUNTS: CarerCounts = { byIndicator: new Map(), bySignal: new Map(), total: null };

export interface SignalSeries {
  readonly scope: SignalScope;
  readonly granularity: Granularity;
  readonly from: Date;
  readonly to: Date;
  readonly asOf: Date | null;
  readonly knownAt: Date | null;
  readonly framework: UsedFramework;
  readonly periods: readonly SignalReport[];
}
