import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { counter, defineTable, optional, required, withDefault } from './table.js';

/**
 * A decision with its latest description, consultation and level of carer involvement; `status` taken, contested or revised
 * (the latest of the two), with how often it was contested and revised. `activity_ids` lists the
 * activities it covers, in the order given (rm_decision_activities has one row for each, to find a
 * decision by any of them).
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
    activity_ids: withDefault('jsonb', []),
    taken_at: required('timestamptz'),
    status: withDefault('text', 'taken'),
    contested_count: counter(),
    contested_by_carers_count: counter(),
    last_contested_at: optional('timestamptz'),
    revision_count: counter(),
    last_revised_at: optional('timestamptz'),
    last_revision_reason: optional('text'),
  },
  indexes: [['project_id', 'taken_at', 'decision_id']],
});

/** One activity a decision covers: the decisions about an activity are found here, whichever place it holds in their list. */
export const decisionActivitiesTable = defineTable({
  name: 'rm_decision_activities',
  key: ['decision_id', 'activity_id'],
  columns: {
    decision_id: required('text'),
    activity_id: required('text'),
    project_id: required('text'),
    /** Its place in the decision's list, from 0. */
    position: required('integer'),
  },
  indexes: [['activity_id']],
});

export const decisionsArea: DirectoryArea = {
  tables: [decisionsTable, decisionActivitiesTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    DecisionTaken: ({ data, occurredAt }, batch) => {
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
          activity_ids: data.activityIds,
          taken_at: occurredAt.toISOString(),
          status: 'taken',
        },
      );
      data.activityIds.forEach((activityId, position) =>
        batch
          .to(decisionActivitiesTable)
          .upsert({ decision_id: data.decisionId, activity_id: activityId }, { project_id: data.projectId, position }),
      );
    },
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
