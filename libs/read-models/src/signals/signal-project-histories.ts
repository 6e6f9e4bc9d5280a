import type { ProjectHistory, Targets } from '../shared/index.js';
import type { FactKind } from './fact-kinds.js';
import type { IndicatorQuery } from './indicators/index.js';

/**
 * Launch settings, target revisions and pilot extensions of every project in scope, from the
 * visible facts; a project whose launch is not visible (or lacks targets or a start) has none.
 */
export async function loadProjectHistories(rows: IndicatorQuery['rows']): Promise<ProjectHistory[]> {
  const facts = await rows<{
    project_id: string;
    kind: FactKind;
    occurred_at: Date | string;
    amount: number | null;
    total: number | null;
    data: { startsOn?: string; targets?: Targets } | string;
  }>(
    ['project_launched', 'project_targets_revised', 'pilot_extended'],
    `select project_id, kind, occurred_at, amount, total, data from facts
     order by occurred_at, pos_commit, pos_prepare`,
  );
  type Mutable = {
    projectId: string;
    eligibleCarers: number;
    startsOn: Date;
    launch: { pilotMonths: number; targets: Targets };
    revisions: Array<{ at: Date; targets: Targets }>;
    extensions: Array<{ at: Date; pilotMonths: number }>;
  };
  const byProject = new Map<string, Mutable>();
  const parsed = facts.map((fact) => ({
    ...fact,
    data: (typeof fact.data === 'string' ? JSON.parse(fact.data) : fact.data) as {
      startsOn?: string;
      targets?: Targets;
    },
  }));
  for (const fact of parsed) {
    if (fact.kind !== 'project_launched' || !fact.data.targets || !fact.data.startsOn) continue;
    byProject.set(fact.project_id, {
      projectId: fact.project_id,
      eligibleCarers: Number(fact.amount ?? 0),
      startsOn: new Date(fact.data.startsOn),
      launch: { pilotMonths: Number(fact.total ?? 0), targets: fact.data.targets },
      revisions: [],
      extensions: [],
    });
  }
  for (const fact of parsed) {
    const project = byProject.get(fact.project_id);
    if (!project) continue;
    const at = new Date(fact.occurred_at);
    if (fact.kind === 'project_targets_revised' && fact.data.targets) {
      project.revisions.push({ at, targets: fact.data.targets });
    } else if (fact.kind === 'pilot_extended' && fact.total !== null) {
      project.extensions.push({ at, pilotMonths: Number(fact.total) });
    }
  }
  return [...byProject.values()];
}
