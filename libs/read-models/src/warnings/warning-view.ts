import type { WarningRule, WarningSeverity, WarningSubjectType } from './rules/warning-rules.js';
import type { WarningRecord } from './warning-record.js';

/** Where a stored warning sits in the log: the position of the event that raised it, then its rank among that event's warnings. */
export interface WarningSequence {
  readonly commit: bigint;
  readonly prepare: bigint;
  readonly ordinal: number;
}

export function compareSequences(a: WarningSequence, b: WarningSequence): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return a.ordinal - b.ordinal;
}

/** A warning as queries return it: stored by the projection, or computed at query time (`computed`). */
export interface WarningView {
  readonly id: string;
  readonly projectId: string;
  readonly territoryId: string | null;
  readonly rule: WarningRule;
  readonly severity: WarningSeverity;
  readonly subjectType: WarningSubjectType;
  readonly subjectId: string;
  readonly relatedIds: readonly string[];
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
  /** When the condition arose: the occurredAt of the triggering fact (docs/warnings.md, per rule). */
  readonly raisedAt: Date;
  /** When the platform recorded the triggering fact (computed warnings: the latest fact they rest on, else now). */
  readonly recordedAt: Date;
  readonly resolvedAt: Date | null;
  readonly resolvedRecordedAt: Date | null;
  /** The triggering event (null for computed warnings). */
  readonly eventId: string | null;
  /** Its position in the log, `<commit>-<prepare>` (null for computed warnings). */
  readonly position: string | null;
  readonly sequence: WarningSequence | null;
  readonly computed: boolean;
}

export function viewOfRecord(record: WarningRecord): WarningView {
  return {
    id: record.id,
    projectId: record.project_id,
    territoryId: record.territory_id,
    rule: record.rule,
    severity: record.severity,
    subjectType: record.subject_type,
    subjectId: record.subject_id,
    relatedIds: record.related_ids,
    message: record.message,
    details: record.details,
    raisedAt: new Date(record.raised_at),
    recordedAt: new Date(record.recorded_at),
    resolvedAt: record.resolved_at ? new Date(record.resolved_at) : null,
    resolvedRecordedAt: record.resolved_recorded_at ? new Date(record.resolved_recorded_at) : null,
    eventId: record.event_id,
    position: `${record.pos_commit}-${record.pos_prepare}`,
    sequence: { commit: BigInt(record.pos_commit), prepare: BigInt(record.pos_prepare), ordinal: record.ordinal },
    computed: false,
  };
}

/** Newest first: raisedAt descending, then id descending (the order of every list). */
export function compareNewestFirst(
  a: Pick<WarningView, 'raisedAt' | 'id'>,
  b: Pick<WarningView, 'raisedAt' | 'id'>,
): number {
  const at = b.raisedAt.getTime() - a.raisedAt.getTime();
  if (at !== 0) return at;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
