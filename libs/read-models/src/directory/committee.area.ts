import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { projectsTable } from './projects.area.js';
import { counter, defineTable, optional, required } from './table.js';

/** A goal the citizens' committee set itself; `outcome` is the latest judgement, null until assessed. */
export const committeeGoalsTable = defineTable({
  name: 'rm_committee_goals',
  key: ['project_id', 'goal_id'],
  columns: {
    project_id: required('text'),
    goal_id: required('text'),
    description: required('text'),
    defined_at: required('timestamptz'),
    outcome: optional('text'),
    outcome_note: optional('text'),
    assessed_at: optional('timestamptz'),
    first_outcome: optional('text'),
    reassessment_count: counter(),
    last_reassessment_reason: optional('text'),
  },
  indexes: [['project_id', 'defined_at', 'goal_id']],
});

export const committeeArea: DirectoryArea = {
  tables: [committeeGoalsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    CommitteeGoalDefined: ({ data, occurredAt }, batch) =>
      batch
        .to(committeeGoalsTable)
        .upsert(
          { project_id: data.projectId, goal_id: data.goalId },
          { description: data.description, defined_at: occurredAt.toISOString() },
        ),
    CommitteeGoalAssessed: ({ data, occurredAt }, batch) =>
      batch.to(committeeGoalsTable).patch(
        { project_id: data.projectId, goal_id: data.goalId },
        {
          outcome: data.outcome,
          first_outcome: data.outcome,
          outcome_note: data.note,
          assessed_at: occurredAt.toISOString(),
        },
      ),
    CommitteeGoalReassessed: ({ data, occurredAt }, batch) => {
      const goals = batch.to(committeeGoalsTable);
      const key = { project_id: data.projectId, goal_id: data.goalId };
      goals.patch(key, {
        outcome: data.outcome,
        outcome_note: data.note,
        assessed_at: occurredAt.toISOString(),
        last_reassessment_reason: data.reason,
      });
      goals.add(key, { reassessment_count: 1 });
    },
    CommitteeBecameSelfOrganising: ({ data, occurredAt }, batch) =>
      batch
        .to(projectsTable)
        .patch({ project_id: data.projectId }, { committee_self_organising_at: occurredAt.toISOString() }),
  }),
};
