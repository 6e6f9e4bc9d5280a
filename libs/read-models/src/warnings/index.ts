export {
  barrierWarning,
  CADENCE_KINDS,
  CLOCK_RULES,
  DEFAULT_WARNING_THRESHOLDS,
  DUE_RULES,
  MAX_SIGNAL_DROP_MONTHS,
  monthlyTarget,
  SignalDropEvaluator,
  subjectKey,
  WARNING_RULES,
  WARNING_SEVERITIES,
  WARNING_SUBJECT_TYPES,
  type CadenceKind,
  type ProjectTargets,
  type StateRule,
  type WarningCheck,
  type WarningRule,
  type WarningSeverity,
  type WarningSpec,
  type WarningSubjectType,
  type WarningThresholds,
} from './rules/index.js';
export * from './warning-record.js';
export * from './warning-project-view.js';
export { ProjectState, type Trigger } from './warning-project-state.js';
export { applyWarningEvent, WARNING_EVENT_TYPES } from './warning-fold.js';
export {
  WARNING_ACTIVITIES_TABLE,
  WARNING_BARRIERS_TABLE,
  WARNING_CARERS_TABLE,
  WARNING_DECISIONS_TABLE,
  WARNING_PROJECTS_TABLE,
  WARNING_RESPONSES_TABLE,
  WARNING_SUBJECTS_TABLE,
  WARNING_TABLES,
  WARNINGS_TABLE,
} from './warning-tables.js';
export { WARNING_SELECT, warningFromRow } from './warning-rows.js';
export * from './warning-view.js';
export * from './warnings.projection.js';
export * from './warnings-reader.js';
// The resolvers refuse a malformed project id with the same words as the readers.
export { requireId } from '../shared/index.js';
