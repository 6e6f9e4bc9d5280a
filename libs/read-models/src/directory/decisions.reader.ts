import { conditions, equals } from './directory-filters.js';
import { type DirectoryList, lookup } from './directory-query.js';
import { decisionActivitiesTable, decisionsTable } from './decisions.area.js';

export interface DecisionFilter {
  readonly decidedByRole?: string | null;
  readonly status?: string | null;
  readonly affectsCarers?: boolean | null;
  readonly carersConsulted?: boolean | null;
  /** True: contested at least once; false: never contested. */
  readonly contested?: boolean | null;
}

/** A project's decisions, in the order they were taken. */
export const decisionsList: DirectoryList<DecisionFilter | null> = {
  name: 'decisions',
  from: `${decisionsTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'taken_at', type: 'timestamptz' },
    { column: 'decision_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      decidedByRole: equals('decided_by_role'),
      status: equals('status'),
      affectsCarers: equals('affects_carers', 'boolean'),
      carersConsulted: equals('carers_consulted', 'boolean'),
      contested: (value) => (value ? 't.contested_count > 0' : 't.contested_count = 0'),
    }),
};

export const decisionById = lookup(`${decisionsTable.name} t`, ['decision_id'], 't.decision_id');

/** The decisions about an activity (alone or among others), in the order they were taken. */
export const decisionsOfActivity = lookup(
  `${decisionActivitiesTable.name} t join ${decisionsTable.name} d on d.decision_id = t.decision_id`,
  ['activity_id'],
  'd.taken_at, d.decision_id',
  'd.*',
);
