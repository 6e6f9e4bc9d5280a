import { v5 as uuidv5 } from 'uuid';
import type { WarningRule, WarningSeverity, WarningSubjectType } from './rules/warning-rules.js';

/** Namespace of the warning ids (uuid v5): ids are derived, so a rebuild gives every warning the same id. */
export const WARNING_ID_NAMESPACE = 'a1d6f1a8-4c53-4f0e-9a57-6f3f0f5c2b71';

export function warningId(
  projectId: string,
  rule: WarningRule,
  subjectType: WarningSubjectType,
  subjectId: string,
  instance: string,
): string {
  return uuidv5(`${projectId}|${rule}|${subjectType}|${subjectId}|${instance}`, WARNING_ID_NAMESPACE);
}

/** A row of rm_warnings, as written (timestamps as ISO strings). */
export interface WarningRecord {
  id: string;
  project_id: string;
  territory_id: string | null;
  rule: WarningRule;
  severity: WarningSeverity;
  subject_type: WarningSubjectType;
  subject_id: string;
  related_ids: string[];
  message: string;
  details: Record<string, unknown>;
  raised_at: string;
  recorded_at: string;
  event_id: string;
  pos_commit: string;
  pos_prepare: string;
  ordinal: number;
  resolved_at: string | null;
  resolved_recorded_at: string | null;
  resolved_by_event_id: string | null;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
