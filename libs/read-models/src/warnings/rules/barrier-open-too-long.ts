import type { BarrierState } from '../warning-project-view.js';
import { iso } from '../warning-record.js';
import { subjectKey } from './warning-rules.js';
import { raise, resolve, type Verdict, type WarningCheck, type WarningSpec } from './warning-verdicts.js';

const DAY_MS = 86_400_000;

/**
 * Rule 4: a barrier still open `barrierOpenDays` after its open spell began, at the project's
 * clock. Raised at its due moment (when history shows it overdue), whichever later event noticed
 * it; judged before each event is folded as well as after, so a resolution dated after the due
 * moment still finds the warning raised first. An open warning is left as it is: its words depend
 * on the open spell only.
 */
export const barriersOpenTooLong: WarningCheck = (project, moment) => {
  const days = project.thresholds.barrierOpenDays;
  const verdicts: Verdict[] = [];
  let nextDue = Infinity;
  for (const [barrierId, barrier] of project.barriers) {
    if (!barrier.open || barrier.openSince === null) continue;
    const due = barrier.openSince + days * DAY_MS;
    if (moment.clock < due) {
      nextDue = Math.min(nextDue, due);
      continue;
    }
    if (project.open.has(subjectKey('barrier_open_too_long', 'barrier', barrierId))) continue;
    verdicts.push(raise(barrierWarning(barrierId, barrier, days, due)));
  }
  moment.standsUntil(nextDue);
  return verdicts;
};

/** Rule 4: resolving the barrier resolves its warning. */
export const barrierResolved =
  (barrierId: string): WarningCheck =>
  () => [resolve('barrier_open_too_long', 'barrier', barrierId)];

/**
 * The barrier rule's warning. Its id depends on the barrier and the start of its open spell only,
 * so the warning computed at query time for a quiet project (warnings-reader.ts) and the one the
 * projection stores once a later event passes the deadline are the same warning.
 */
export function barrierWarning(
  barrierId: string,
  barrier: Pick<BarrierState, 'code' | 'openSince'>,
  days: number,
  raisedAt: number,
): WarningSpec {
  const openSince = barrier.openSince!;
  return {
    rule: 'barrier_open_too_long',
    subjectType: 'barrier',
    subjectId: barrierId,
    severity: 'warning',
    message: `Barrier ${barrier.code ?? barrierId} has been open for more than ${days} days (since ${iso(openSince)})`,
    details: {
      barrierId,
      code: barrier.code,
      openSince: iso(openSince),
      dueAt: iso(openSince + days * DAY_MS),
      thresholdDays: days,
    },
    relatedIds: [barrierId],
    raisedAt,
    instance: iso(openSince),
  };
}
