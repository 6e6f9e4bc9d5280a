/** A project's targets, as set at launch or revised since. */
export interface Targets {
  readonly reachShare: number;
  readonly trainingCoursesPerMonth: number;
  readonly peerMeetingsPerMonth: number;
  readonly committeeEveryMonths: number;
}

/** A project's launch settings and their later revisions, as visible to the query. */
export interface ProjectHistory {
  readonly projectId: string;
  readonly eligibleCarers: number;
  readonly startsOn: Date;
  readonly launch: { readonly pilotMonths: number; readonly targets: Targets };
  readonly revisions: ReadonlyArray<{ readonly at: Date; readonly targets: Targets }>;
  readonly extensions: ReadonlyArray<{ readonly at: Date; readonly pilotMonths: number }>;
}

/** The settings in force at `end`: the latest revision (extension) that occurred before it, else the launch's. */
export function settingsAt(project: ProjectHistory, end: Date): { targets: Targets; pilotMonths: number } {
  const revision = [...project.revisions].reverse().find((r) => r.at < end);
  const extension = [...project.extensions].reverse().find((e) => e.at < end);
  return {
    targets: revision?.targets ?? project.launch.targets,
    pilotMonths: extension?.pilotMonths ?? project.launch.pilotMonths,
  };
}
