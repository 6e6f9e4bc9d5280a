import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { counter, defineTable, optional, required, withDefault } from './table.js';

/**
 * A decision with its latest description, consultation and level of carer involvement; `status` taken, contested or revised
 * (the latest of the two), with how often it was contested and revised.
 */
export const decisionsTable = defineTable({
  name: 'rm_decisions',
  key: ['decision_id'],
  columns: {
    decision_id: required('text'),
    project_id: required('text'),
    description: required('text'),
    original_description: required('text'),
    decided_by_organisation_id: optional('text'),
    decided_by_role: required('text'),
    affects_carers: required('boolean'),
    carers_consulted: required('boolean'),
    originally_carers_consulted: required('boolean'),
    carer_involvement: optional('text'),
    activity_id: optional('text'),
    taken_at: required('timestamptz'),
    status: withDefault('text', 'taken'),
    contested_count: counter(),
    contested_by_carers_count: counter(),
    last_contested_at: optional('timestamptz'),
    revision_count: counter(),
    last_revised_at: optional('timestamptz'),
    last_revision_reason: optional('text'),
  },
  indexes: [['project_id', 'taken_at', 'decision_id'], ['activity_id']],
});

export const decisionsArea: DirectoryArea = {
  tables: [decisionsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    DecisionTaken: ({ data, occurredAt }, batch) =>
      batch.to(decisionsTable).upsert(
        { decision_id: data.decisionId },
        {
          project_id: data.projectId,
          description: data.description,
          original_description: data.description,
          decided_by_organisation_id: data.decidedByOrganisationId,
          decided_by_role: data.decidedByRole,
          affects_carers: data.affectsCarers,
          carers_consulted: data.carersConsulted,
          originally_carers_consulted: data.carersConsulted,
          carer_involvement: data.carerInvolvement ?? null,
          activity_id: data.activityId,
          taken_at: occurredAt.toISOString(),
          status: 'taken',
        },
      ),
    DecisionContested: ({ data, occurredAt }, batch) => {
      const decisions = batch.to(decisionsTable);
      decisions.patch(
        { decision_id: data.decisionId },
        { status: 'contested', last_contested_at: occurredAt.toISOString() },
      );
      decisions.add(
        { decision_id: data.decisionId },
        { contested_count: 1, contested_by_carers_count: data.contestedByRole === 'carer' ? 1 : 0 },
      );
    },
    DecisionRevised: ({ data, occurredAt }, batch) => {
      const decisions = batch.to(decisionsTable);
      decisions.patch(
        { decision_id: data.decisionId },
        {
          status: 'revised',
          description: data.description,
          carers_consulted: data.carersConsulted,
          carer_involvement: data.carerInvolvement ?? null,
          last_revised_at: occurredAt.toISOString(),
          last_revision_reason: data.reason,
        },
      );
      decisions.add({ decision_id: data.decisionId }, { revision_count: 1 });
    },
  }),
};
