import type { SqlExecutor } from '#database';
import {
  PROJECT_HISTORY_FACT_KINDS,
  projectHistoriesFrom,
  settingsAt,
  type ProjectHistory,
  type ProjectHistoryFact,
} from '../shared/index.js';
import { addMonths } from './pilot-months.js';
import { ORDER, SIGNALS, VISIBLE, type Travel } from './report-query.js';
import type { ReportTargets } from './report-targets.js';

/** The project's settings in force at the window's end. */
export interface ReportSettings {
  readonly startsOn: Date;
  readonly pilotMonths: number;
  readonly pilotEnd: Date;
  readonly eligibleCarers: number;
  readonly targets: ReportTargets;
}

/** A project's history whose targets also carry the score thresholds the report judges by. */
export type ReportHistory = ProjectHistory<ReportTargets>;

/** The settings in force at `end` (the shared rule: the latest revision or extension before it), and the pilot's end. */
export function reportSettingsAt(history: ReportHistory, end: Date): ReportSettings {
  const { targets, pilotMonths } = settingsAt(history, end);
  return {
    startsOn: history.startsOn,
    pilotMonths,
    pilotEnd: addMonths(history.startsOn, pilotMonths),
    eligibleCarers: history.eligibleCarers,
    targets,
  };
}

/** The launch, target revisions and pilot extensions visible to the query, in log order; null before the launch. */
export async function loadReportHistory(database: SqlExecutor, travel: Travel): Promise<ReportHistory | null> {
  const facts = await database.query<ProjectHistoryFact<ReportTargets>>(
    `select project_id, kind, occurred_at, amount, total, data from ${SIGNALS} x
     where x.project_id = $1 and x.kind = any($4::text[]) and ${VISIBLE('x')}
     ${ORDER}`,
    [...travel, PROJECT_HISTORY_FACT_KINDS],
  );
  return projectHistoriesFrom(facts)[0] ?? null;
}
