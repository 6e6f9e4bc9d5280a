import { committeeGoalsTable } from './committee.area.js';
import { conditions, equals } from './directory-filters.js';
import { type DirectoryList } from './directory-query.js';

export interface CommitteeGoalFilter {
  readonly outcome?: string | null;
  /** True: assessed at least once; false: not yet assessed. */
  readonly assessed?: boolean | null;
}

/** The goals of a project's citizens' committee, in the order defined. */
export const committeeGoalsList: DirectoryList<CommitteeGoalFilter | null> = {
  name: 'committeeGoals',
  from: `${committeeGoalsTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'defined_at', type: 'timestamptz' },
    { column: 'goal_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      outcome: equals('outcome'),
      assessed: (value) => (value ? 't.outcome is not null' : 't.outcome is null'),
    }),
};
