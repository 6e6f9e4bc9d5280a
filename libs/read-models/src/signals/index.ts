export * from './fact-kinds.js';
export { normalisedScore, type FactColumns } from './fact-handlers.js';
export { factOf, SIGNAL_FACT_EVENT_TYPES } from './facts.js';
export * from './signal-facts.projection.js';
export * from './framework.js';
export * from './default-framework.js';
export * from './framework-store.js';
export * from './indicators/index.js';
export * from './signal-periods.js';
export type { FrameworkRef, SeriesRequest, SignalRequest, SignalScope, TimeTravel } from './signal-requests.js';
export type {
  CarerCounts,
  FrameworkSource,
  IndicatorResult,
  PreviousIndicator,
  SignalReport,
  SignalResult,
  SignalSeries,
  SignalWarning,
  SignalWarningKind,
  UsedFramework,
} from './signal-report.js';
export { signalQueryPrelude } from './signal-query.js';
export { combine } from './combine-signals.js';
export * from './signal-reader.js';
export * from './signal-suppression.js';
export * from './disclosure-control.js';
