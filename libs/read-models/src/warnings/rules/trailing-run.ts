/** A session or a coordination meeting as the "in a row" rules read it (times in ms). */
interface Dated {
  readonly scheduledFor: number | null;
  readonly decidedAt: number | null;
}

/**
 * The ids of the subjects that end the history in a row, oldest first: of the `decided` subjects
 * by scheduled time (else when decided; then id), the latest ones for which `inRun` holds. The
 * first one before them that does not hold ends the run. Shared by rule 2 (sessions cancelled in
 * a row) and COORDINATION_MEETINGS_MISSED_IN_A_ROW.
 */
export function trailingRun<S extends Dated>(
  subjects: ReadonlyMap<string, S>,
  decided: (subject: S) => boolean,
  inRun: (subject: S) => boolean,
): string[] {
  const ordered = [...subjects.entries()]
    .filter(([, subject]) => decided(subject))
    .sort(([idA, a], [idB, b]) => {
      const atA = a.scheduledFor ?? a.decidedAt ?? 0;
      const atB = b.scheduledFor ?? b.decidedAt ?? 0;
      return atA !== atB ? atA - atB : idA < idB ? -1 : idA > idB ? 1 : 0;
    });
  const run: string[] = [];
  for (let index = ordered.length - 1; index >= 0; index--) {
    const [id, subject] = ordered[index]!;
    if (!inRun(subject)) break;
    run.unshift(id);
  }
  return run;
}

/** When the last subject of a run was scheduled (else decided), or null. */
export function lastOfRun<S extends Dated>(subjects: ReadonlyMap<string, S>, run: readonly string[]): number | null {
  const last = subjects.get(run[run.length - 1]!)!;
  return last.scheduledFor ?? last.decidedAt;
}
