import type {
  RegisteredFramework,
  SignalReport as ReportData,
  SignalResult,
  SignalScope as ScopeData,
  SignalSeries as SeriesData,
} from '#read-models/signals';
import { SIGNAL_KEYS } from '#read-models/signals';
import type {
  Signal,
  SignalComparison,
  SignalFramework,
  SignalFrameworkSource,
  SignalGranularity,
  SignalReport,
  SignalScope,
  SignalSeries,
  SignalWarningKind,
} from './signals.models.js';

function scope(data: ScopeData): SignalScope {
  return { projectId: data.projectId ?? null, territoryId: data.territoryId ?? null };
}

function signal(data: SignalResult): Signal {
  const { indicators, previousIndicators: _previous, ...rest } = data;
  return {
    ...rest,
    breakdown: indicators.map((indicator) => ({ ...indicator, instrumentId: indicator.instrumentId ?? null })),
  };
}

export function toReport(data: ReportData): SignalReport {
  const signals = SIGNAL_KEYS.map((key) => signal(data.signals[key]));
  return {
    scope: scope(data.scope),
    window: { from: data.window.from, to: data.window.to },
    asOf: data.asOf,
    knownAt: data.knownAt,
    framework: { ...data.framework, source: data.framework.source as SignalFrameworkSource },
    trust: signals[0]!,
    engagement: signals[1]!,
    partnershipCohesion: signals[2]!,
    coCreationBalance: signals[3]!,
    signals,
    warnings: data.warnings.map((warning) => ({ ...warning, kind: warning.kind as SignalWarningKind })),
    carerCount: data.carerCount,
    suppressed: data.suppressed,
  };
}

/** Kept series (signal-result-cache.ts) are the same object from one request to the next: mapped once. */
const mappedSeries = new WeakMap<SeriesData, SignalSeries>();

export function toSeries(data: SeriesData): SignalSeries {
  let mapped = mappedSeries.get(data);
  if (!mapped) mappedSeries.set(data, (mapped = mapSeries(data)));
  return mapped;
}

function mapSeries(data: SeriesData): SignalSeries {
  return {
    scope: scope(data.scope),
    granularity: data.granularity as SignalGranularity,
    from: data.from,
    to: data.to,
    asOf: data.asOf,
    knownAt: data.knownAt,
    framework: { ...data.framework, source: data.framework.source as SignalFrameworkSource },
    periods: data.periods.map(toReport),
  };
}

export function toComparison(left: ReportData, right: ReportData): SignalComparison {
  return {
    left: toReport(left),
    right: toReport(right),
    differences: SIGNAL_KEYS.map((key) => {
      const a = left.signals[key].value;
      const b = right.signals[key].value;
      return {
        signal: key,
        left: a,
        right: b,
        delta: a === null || b === null ? null : Math.round((b - a) * 1e12) / 1e12,
        suppressed: left.signals[key].suppressed || right.signals[key].suppressed,
      };
    }),
  };
}

export function toFramework(data: RegisteredFramework): SignalFramework {
  return {
    id: data.id,
    version: data.version,
    name: data.definition.name,
    definition: data.definition,
    registeredAt: data.registeredAt,
    registeredBy: data.registeredBy,
  };
}
