import {
  PROJECT_HISTORY_FACT_KINDS,
  projectHistoriesFrom,
  type ProjectHistory,
  type ProjectHistoryFact,
} from '../shared/index.js';
import type { IndicatorQuery } from './indicators/index.js';

/** Launch settings, target revisions and pilot extensions of every project in scope, from the visible facts. */
export async function loadProjectHistories(rows: IndicatorQuery['rows']): Promise<ProjectHistory[]> {
  return projectHistoriesFrom(
    await rows<ProjectHistoryFact>(
      PROJECT_HISTORY_FACT_KINDS,
      `select project_id, kind, occurred_at, amount, total, data from facts
       order by occurred_at, pos_commit, pos_prepare`,
    ),
  );
}
