import { addMonths, overlapMonths } from '../../signals/index.js';
import { round } from '../../shared/index.js';
import { monthlyTarget, type CadenceKind } from './warning-rules.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

interface PilotMonths {
  readonly end: number;
  readonly elapsed: number;
  readonly monthsLeft: number;
}

let last: { startsOn: number; pilotMonths: number; clock: number; months: PilotMonths } | null = null;

/**
 * Months of the pilot elapsed and left at the clock. Every cadence kind asks the same question of
 * the same event, so the last answer is kept (this runs for every event the warnings judge).
 */
function pilotMonthsAt(startsOn: number, pilotMonths: number, clock: number): PilotMonths {
  if (last && last.startsOn === startsOn && last.pilotMonths === pilotMonths && last.clock === clock) {
    return last.months;
  }
  const start = new Date(startsOn);
  const end = addMonths(start, pilotMonths);
  const now = new Date(Math.min(clock, end.getTime()));
  const months = {
    end: end.getTime(),
    elapsed: overlapMonths({ from: start, to: now }, start, end),
    monthsLeft: clock < end.getTime() ? overlapMonths({ from: new Date(clock), to: end }, start, end) : 0,
  };
  last = { startsOn, pilotMonths, clock, months };
  return months;
}

/**
 * Rule 5, cadence (per kind): shortfall = target/month × months elapsed − held; out of reach when
 * shortfall ≥ 1 and shortfall > catch-up × target/month × months left.
 */
export function cadenceOutOfReach(kind: CadenceKind): WarningCheck {
  return (project, moment) => {
    const { startsOn, pilotMonths, targets } = project.settings;
    if (startsOn === null || pilotMonths === null || targets === null) return [];
    const resolved = [resolve('cadence_out_of_reach', 'activity_kind', kind)];
    const perMonth = monthlyTarget(kind, targets);
    const clock = moment.clock;
    if (!(perMonth > 0) || clock <= startsOn) return resolved;
    const { end, elapsed, monthsLeft } = pilotMonthsAt(startsOn, pilotMonths, clock);
    let held = 0;
    for (const activity of project.activities.values()) {
      if (activity.kind !== kind || activity.status !== 'held' || activity.decidedAt === null) continue;
      if (activity.decidedAt >= startsOn && activity.decidedAt < end) held++;
    }
    const expected = perMonth * elapsed;
    const shortfall = expected - held;
    const canMakeUp = project.thresholds.cadenceCatchUp * perMonth * monthsLeft;
    if (!(shortfall >= 1 - 1e-9 && shortfall > canMakeUp + 1e-9)) return resolved;
    return [
      raise({
        rule: 'cadence_out_of_reach',
        subjectType: 'activity_kind',
        subjectId: kind,
        severity: monthsLeft === 0 ? 'critical' : 'warning',
        message:
          monthsLeft === 0
            ? `Cadence target missed for ${kind}: ${held} held, ${round(expected, 2)} expected over the pilot`
            : `Cadence target out of reach for ${kind}: ${held} held, ${round(expected, 2)} expected by now; the shortfall of ${round(shortfall, 2)} exceeds the ${round(canMakeUp, 2)} the ${round(monthsLeft, 2)} months left can make up`,
        details: {
          kind,
          held,
          expected: round(expected, 6),
          perMonth: round(perMonth, 6),
          monthsElapsed: round(elapsed, 6),
          monthsLeft: round(monthsLeft, 6),
          shortfall: round(shortfall, 6),
          canMakeUp: round(canMakeUp, 6),
          catchUp: project.thresholds.cadenceCatchUp,
        },
        relatedIds: [],
        raisedAt: moment.clock,
        instance: moment.eventId,
      }),
    ];
  };
}
