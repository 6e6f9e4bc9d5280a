import type { DirectoryRow } from '#read-models/directory';
import { date, dateOrNull, int, text, textOrNull } from '../read-side/row-values.js';
import type { ObservationRef } from '../evidence/evidence.models.js';
import type { AdjustmentAction, Barrier } from './barrier.models.js';

const DAY_MS = 86_400_000;

export const toBarrier = (row: DirectoryRow): Barrier => {
  const observedAt = date(row.observed_at);
  const firstActionAt = dateOrNull(row.first_action_at);
  return {
    id: text(row.barrier_id),
    projectId: text(row.project_id),
    taxonomy: text(row.taxonomy),
    code: text(row.code),
    stage: text(row.stage),
    level: text(row.level),
    inabilityKind: textOrNull(row.inability_kind),
    description: text(row.description),
    basedOn: (row.based_on ?? []) as ObservationRef[],
    observedAt,
    status: text(row.status),
    actionCount: int(row.action_count),
    firstActionAt,
    lastActionAt: dateOrNull(row.last_action_at),
    daysToFirstAction: firstActionAt === null ? null : (firstActionAt.getTime() - observedAt.getTime()) / DAY_MS,
    resolvedAt: dateOrNull(row.resolved_at),
    resolution: textOrNull(row.resolution),
    reopenCount: int(row.reopen_count),
    lastReopenedAt: dateOrNull(row.last_reopened_at),
    lastReopenReason: textOrNull(row.last_reopen_reason),
  };
};

export const toAdjustmentAction = (row: DirectoryRow): AdjustmentAction => ({
  barrierId: text(row.barrier_id),
  actionId: text(row.action_id),
  description: text(row.description),
  takenByOrganisationId: text(row.taken_by_organisation_id),
  takenAt: date(row.taken_at),
});
