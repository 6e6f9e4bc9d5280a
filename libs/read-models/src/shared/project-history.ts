/** A project's targets, as set at launch or revised since. */
export interface Targets {
  readonly reachShare: number;
  readonly trainingCoursesPerMonth: number;
  readonly peerMeetingsPerMonth: number;
  readonly committeeEveryMonths: number;
}

/**
 * A project's launch settings and their later revisions, as visible to the query. Generic over the
 * targets' shape: the report reads further thresholds from the same stored targets.
 */
export interface ProjectHistory<T extends Targets = Targets> {
  readonly projectId: string;
  readonly eligibleCarers: number;
  readonly startsOn: Date;
  readonly launch: { readonly pilotMonths: number; readonly targets: T };
  readonly revisions: ReadonlyArray<{ readonly at: Date; readonly targets: T }>;
  readonly extensions: ReadonlyArray<{ readonly at: Date; readonly pilotMonths: number }>;
}

/** The settings in force at `end`: the latest revision (extension) that occurred before it, else the launch's. */
export function settingsAt<T extends Targets>(
  project: ProjectHistory<T>,
  end: Date,
): { targets: T; pilotMonths: number } {
  const revision = [...project.revisions].reverse().find((r) => r.at < end);
  const extension = [...project.extensions].reverse().find((e) => e.at < end);
  return {
    targets: revision?.targets ?? project.launch.targets,
    pilotMonths: extension?.pilotMonths ?? project.launch.pilotMonths,
  };
}

/** The signal facts a project history is folded from: `project_launched`, `project_targets_revised`, `pilot_extended`. */
export const PROJECT_HISTORY_FACT_KINDS = ['project_launched', 'project_targets_revised', 'pilot_extended'] as const;

/** One such fact as read from rm_signal_facts (`data` is text on drivers that do not parse jsonb). */
export interface ProjectHistoryFact<T extends Targets = Targets> {
  readonly project_id: string;
  readonly kind: string;
  readonly occurred_at: Date | string;
  readonly amount: number | null;
  readonly total: number | null;
  readonly data: { startsOn?: string; targets?: T } | string;
}

/**
 * Folds the visible history facts (in log order) into one history per project; a project whose
 * launch is not visible (or lacks targets or a start) has none. The signal and report readers
 * share it, each with its own query.
 */
export function projectHistoriesFrom<T extends Targets>(facts: readonly ProjectHistoryFact<T>[]): ProjectHistory<T>[] {
  type Mutable = {
    projectId: string;
    eligibleCarers: number;
    startsOn: Date;
    launch: { pilotMonths: number; targets: T };
    revisions: Array<{ at: Date; targets: T }>;
    extensions: Array<{ at: Date; pilotMonths: number }>;
  };
  const byProject = new Map<string, Mutable>();
  const parsed = facts.map((fact) => ({
    ...fact,
    data: (typeof fact.data === 'string' ? JSON.parse(fact.data) : fact.data) as { startsOn?: string; targets?: T },
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
