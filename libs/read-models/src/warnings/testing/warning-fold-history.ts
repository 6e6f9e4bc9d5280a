import type { RecordedEvent } from '#event-store';
import { DEFAULT_WARNING_THRESHOLDS, type WarningThresholds } from '../rules/warning-rules.js';
import type { WarningRecord } from '../warning-record.js';
import { applyWarningEvent } from '../warning-fold.js';
import { ProjectState } from '../warning-project-state.js';
import type { HistoryEvent } from './warnings-harness.js';

/** Events as the store would hand them over, in the given order. */
export const recordedHistory = (history: readonly HistoryEvent[]): RecordedEvent[] =>
  history.map(({ streamId, event }, index) => ({
    ...event,
    streamId,
    revision: 0n,
    position: { commit: BigInt(index + 1), prepare: BigInt(index + 1) },
    recordedAt: new Date('2025-12-01T00:00:00.000Z'),
  }));

/**
 * Folds a hand-built history of one project in memory (no database) and returns its state and every
 * warning it raised, in the order raised, as each stands at the end.
 */
export function foldHistory(
  projectId: string,
  history: readonly HistoryEvent[],
  thresholds: Partial<WarningThresholds> = {},
): { project: ProjectState; warnings: WarningRecord[] } {
  const project = new ProjectState(projectId, { ...DEFAULT_WARNING_THRESHOLDS, ...thresholds });
  const warnings = new Map<string, WarningRecord>();
  for (const event of recordedHistory(history)) {
    applyWarningEvent(project, event);
    for (const record of project.written.values()) warnings.set(record.id, record);
  }
  const order = (w: WarningRecord) => [BigInt(w.pos_commit), BigInt(w.ordinal)] as const;
  return {
    project,
    warnings: [...warnings.values()].sort((a, b) => {
      const [ca, oa] = order(a);
      const [cb, ob] = order(b);
      return ca !== cb ? (ca < cb ? -1 : 1) : Number(oa - ob);
    }),
  };
}

/** The parts of a warning a rule spec checks by hand. */
export const brief = (w: WarningRecord) => ({
  rule: w.rule,
  subject: `${w.subject_type}:${w.subject_id}`,
  severity: w.severity,
  raisedAt: w.raised_at,
  resolvedAt: w.resolved_at,
});
