import { addMonths, overlapMonths } from '../../signals/index.js';
import { round } from '../../shared/index.js';
import { iso } from '../warning-record.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

/**
 * Rule 5, reach: reached + best monthly rate × months left < ⌈eligible × reachShare⌉, at the
 * project's clock, once the pilot has run `reachGraceMonths`.
 */
export const reachOutOfReach: WarningCheck = (project, moment) => {
  const { eligibleCarers, startsOn, pilotMonths, targets } = project.settings;
  if (eligibleCarers === null || startsOn === null || pilotMonths === null || targets === null) return [];
  const clock = moment.clock;
  const start = new Date(startsOn);
  if (clock < addMonths(start, project.thresholds.reachGraceMonths).getTime()) return [];
  const target = Math.ceil(eligibleCarers * targets.reachShare - 1e-9);
  const reached = project.carers.size;
  const end = addMonths(start, pilotMonths).getTime();
  const monthsLeft =
    clock < end ? overlapMonths({ from: new Date(clock), to: new Date(end) }, new Date(clock), new Date(end)) : 0;
  const bestMonthlyRate = Math.max(0, ...project.carersPerMonth.values());
  const projected = reached + bestMonthlyRate * monthsLeft;
  if (reached >= target || projected >= target - 1e-9) return [resolve('reach_out_of_reach', 'target', 'reach')];
  return [
    raise({
      rule: 'reach_out_of_reach',
      subjectType: 'target',
      subjectId: 'reach',
      severity: monthsLeft === 0 ? 'critical' : 'warning',
      message:
        monthsLeft === 0
          ? `Reach target missed: ${reached} of ${target} carers reached by the end of the pilot`
          : `Reach target out of reach: ${reached} of ${target} carers reached; at the best monthly rate so far (${bestMonthlyRate}/month) the ${round(monthsLeft, 2)} months left bring at most ${round(projected, 2)}`,
      details: {
        target,
        reached,
        eligibleCarers,
        reachShare: targets.reachShare,
        bestMonthlyRate,
        monthsLeft: round(monthsLeft, 6),
        projected: round(projected, 6),
        pilotEndsOn: iso(end),
      },
      relatedIds: [],
      raisedAt: moment.clock,
      instance: moment.eventId,
    }),
  ];
};
