import type { SqlExecutor } from '#database';
import { settingsAt, type ProjectHistory } from '../shared/index.js';
import { addMonths } from './pilot-months.js';
import { ORDER, SIGNALS, toDate, VISIBLE, type Timestamp, type Travel } from './report-query.js';
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
export interface ReportHistory extends ProjectHistory {
  readonly launch: { readonly pilotMonths: number; readonly targets: ReportTargets };
  readonly revisions: ReadonlyArray<{ readonly at: Date; readonly targets: ReportTargets }>;
}

/** The settings in force at `end` (the shared rule: the latest revision or extension before it), and the pilot's end. */
export function reportSettingsAt(history: ReportHistory, end: Date): ReportSettings {
  const { targets, pilotMonths } = settingsAt(history, end);
  return {
    startsOn: history.startsOn,
    pilotMonths,
    pilotEnd: addMonths(history.startsOn, pilotMonths),
    eligibleCarers: history.eligibleCarers,
    // settingsAt hands back one of this history's own targets, which are all ReportTargets.
    targets: targets as ReportTargets,
  };
}

type SettingsData = { startsOn?: string; targets?: ReportTargets };

/** The launch, target revisions and pilot extensions visible to the query, in log order; null before the launch. */
export async function loadReportHistory(database: SqlExecutor, travel: Travel): Promise<ReportHistory | null> {
  const facts = await database.query<{
    kind: string;
    occurred_at: Timestamp;
    amount: number | null;
    total: number | null;
    data: SettingsData | string;
  }>(
    `select kind, occurred_at, amount, total, data from ${SIGNALS} x
     where x.project_id = $1 and x.kind in ('project_launched', 'project_targets_revised', 'pilot_extended')
       and ${VISIBLE('x')}
     ${ORDER}`,
    travel,
  );
  const parsed = facts.map((fact) => ({
    ...fact,
    at: toDate(fact.occurred_at)!,
    data: (typeof fact.data === 'string' ? JSON.parse(fact.data) : fact.data) as SettingsData,
  }));
  const launch = parsed.find((fact) => fact.kind === 'project_launched' && fact.data.targets && fact.data.startsOn);
  if (!launch) return null;
  return {
    projectId: travel[0],
    eligibleCarers: Number(launch.amount ?? 0),
    startsOn: new Date(launch.data.startsOn!),
    launch: { pilotMonths: Number(launch.total ?? 0), targets: launch.data.targets! },
    revisions: parsed
      .filter((fact) => fact.kind === 'project_targets_revised' && fact.data.targets)
      .map((fact) => ({ at: fact.at, targets: fact.data.targets! })),
    extensions: parsed
      .filter((fact) => fact.kind === 'pilot_extended' && fact.total !== null)
      .map((fact) => ({ at: fact.at, pilotMonths: Number(fact.total) })),
  };
}
