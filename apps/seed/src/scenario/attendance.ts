import type { Random } from '../random.js';
import { availableOn, type PlannedCarer } from '../world.js';

/**
 * Who comes to a session: carers who joined before it and are still there, drawn without
 * replacement with a chance that grows with their engagement (a few come to almost everything,
 * many now and then). Early in the pilot the pool is small, so sessions are smaller too.
 */
export function chooseAttendees(
  carers: readonly PlannedCarer[],
  date: Date,
  count: number,
  weight: (carer: PlannedCarer) => number,
  r: Random,
  eligible: (carer: PlannedCarer) => boolean = () => true,
): PlannedCarer[] {
  const pool = carers.filter((carer) => availableOn(carer, date) && eligible(carer));
  const chosen = r.weightedSample(pool, weight, count);
  for (const carer of chosen) carer.attended.push(date);
  // Attendance sheets list carers in pseudonym order.
  return chosen.sort((a, b) => a.number - b.number);
}

/** Sessions a carer attended before a date: practice lifts quiz scores. */
export const sessionsBefore = (carer: PlannedCarer, date: Date): number =>
  carer.attended.filter((day) => day.getTime() < date.getTime()).length;
