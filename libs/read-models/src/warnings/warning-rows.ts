import type { WarningRecord } from './warning-record.js';

/** The columns of rm_warnings as read back (positions as text). */
export const WARNING_SELECT = `id, project_id, territory_id, rule, severity, subject_type, subject_id, related_ids, message,
  details, raised_at, recorded_at, event_id, pos_commit::text as pos_commit, pos_prepare::text as pos_prepare, ordinal,
  resolved_at, resolved_recorded_at, resolved_by_event_id`;

/** A jsonb column's value, whether the driver parsed it or handed it over as text. */
export const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

export function warningFromRow(row: Record<string, unknown>): WarningRecord {
  const stamp = (value: unknown) =>
    value === null || value === undefined ? null : new Date(value as string).toISOString();
  return {
    id: String(row.id),
    project_id: String(row.project_id),
    territory_id: (row.territory_id as string | null) ?? null,
    rule: row.rule as WarningRecord['rule'],
    severity: row.severity as WarningRecord['severity'],
    subject_type: row.subject_type as WarningRecord['subject_type'],
    subject_id: String(row.subject_id),
    related_ids: fromJson<string[]>(row.related_ids) ?? [],
    message: String(row.message),
    details: fromJson<Record<string, unknown>>(row.details) ?? {},
    raised_at: stamp(row.raised_at)!,
    recorded_at: stamp(row.recorded_at)!,
    event_id: String(row.event_id),
    pos_commit: String(row.pos_commit),
    pos_prepare: String(row.pos_prepare),
    ordinal: Number(row.ordinal),
    resolved_at: stamp(row.resolved_at),
    resolved_recorded_at: stamp(row.resolved_recorded_at),
    resolved_by_event_id: (row.resolved_by_event_id as string | null) ?? null,
  };
}
