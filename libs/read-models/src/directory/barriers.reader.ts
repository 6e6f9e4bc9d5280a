import { adjustmentActionsTable, barriersTable } from './barriers.area.js';
import { conditions, equals } from './directory-filters.js';
import { type DirectoryList, lookup } from './directory-query.js';

export interface BarrierFilter {
  readonly status?: string | null;
  readonly taxonomy?: string | null;
  readonly code?: string | null;
  readonly stage?: string | null;
  readonly level?: string | null;
}

/** A project's barriers, in the order they were observed. */
export const barriersList: DirectoryList<BarrierFilter | null> = {
  name: 'barriers',
  from: `${barriersTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'observed_at', type: 'timestamptz' },
    { column: 'barrier_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      status: equals('status'),
      taxonomy: equals('taxonomy'),
      code: equals('code'),
      stage: equals('stage'),
      level: equals('level'),
    }),
};

export const barrierById = lookup(`${barriersTable.name} t`, ['barrier_id'], 't.barrier_id');

/** The adjustment actions taken against a barrier, oldest first. */
export const actionsOfBarrier = lookup(`${adjustmentActionsTable.name} t`, ['barrier_id'], 't.taken_at, t.action_id');
