import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { counter, defineTable, optional, required, withDefault } from './table.js';

/**
 * A barrier to co-production, coded like an observation; `status` open or resolved. `based_on`
 * holds the observations it rests on (`[{ evidenceId, observationId }]`). Dates are the ones the
 * events carry, which the domain keeps in order.
 */
export const barriersTable = defineTable({
  name: 'rm_barriers',
  key: ['barrier_id'],
  columns: {
    barrier_id: required('text'),
    project_id: required('text'),
    taxonomy: required('text'),
    code: required('text'),
    stage: required('text'),
    level: required('text'),
    inability_kind: optional('text'),
    description: required('text'),
    based_on: withDefault('jsonb', []),
    observed_at: required('timestamptz'),
    status: withDefault('text', 'open'),
    action_count: counter(),
    first_action_at: optional('timestamptz'),
    last_action_at: optional('timestamptz'),
    resolved_at: optional('timestamptz'),
    resolution: optional('text'),
    reopen_count: counter(),
    last_reopened_at: optional('timestamptz'),
    last_reopen_reason: optional('text'),
  },
  indexes: [
    ['project_id', 'observed_at', 'barrier_id'],
    ['project_id', 'taxonomy', 'code'],
  ],
});

export const adjustmentActionsTable = defineTable({
  name: 'rm_adjustment_actions',
  key: ['barrier_id', 'action_id'],
  columns: {
    barrier_id: required('text'),
    action_id: required('text'),
    project_id: required('text'),
    description: required('text'),
    taken_by_organisation_id: required('text'),
    taken_at: required('timestamptz'),
  },
  indexes: [['project_id', 'taken_at']],
});

export const barriersArea: DirectoryArea = {
  tables: [barriersTable, adjustmentActionsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    BarrierObserved: ({ data }, batch) =>
      batch.to(barriersTable).upsert(
        { barrier_id: data.barrierId },
        {
          project_id: data.projectId,
          taxonomy: data.taxonomy,
          code: data.code,
          stage: data.stage,
          level: data.level,
          inability_kind: data.inabilityKind,
          description: data.description,
          based_on: data.basedOn,
          observed_at: data.observedAt,
          status: 'open',
        },
      ),
    AdjustmentActionTaken: ({ data }, batch) => {
      batch.to(adjustmentActionsTable).upsert(
        { barrier_id: data.barrierId, action_id: data.actionId },
        {
          project_id: data.projectId,
          description: data.description,
          taken_by_organisation_id: data.takenByOrganisationId,
          taken_at: data.takenAt,
        },
      );
      const barriers = batch.to(barriersTable);
      barriers.patch({ barrier_id: data.barrierId }, { last_action_at: data.takenAt });
      barriers.setIfNull({ barrier_id: data.barrierId }, { first_action_at: data.takenAt });
      barriers.add({ barrier_id: data.barrierId }, { action_count: 1 });
    },
    BarrierResolved: ({ data }, batch) =>
      batch
        .to(barriersTable)
        .patch(
          { barrier_id: data.barrierId },
          { status: 'resolved', resolved_at: data.resolvedAt, resolution: data.resolution },
        ),
    BarrierReopened: ({ data }, batch) => {
      const barriers = batch.to(barriersTable);
      barriers.patch(
        { barrier_id: data.barrierId },
        { status: 'open', last_reopened_at: data.reopenedAt, last_reopen_reason: data.reason },
      );
      barriers.add({ barrier_id: data.barrierId }, { reopen_count: 1 });
    },
  }),
};
