import { addDays, addMonths, atTime, between, nextWeekday } from './calendar.js';
import type { Random } from './random.js';

/** The default pilot starts on Monday 8 January 2024, so every fact lies in the past. */
export const DEFAULT_START = new Date('2024-01-08T09:00:00.000Z');
export const CO_DESIGN_DAYS = 56;
export const CO_ASSESSMENT_DAYS = 56;
export const EXTENSION_MONTHS = 2;

/**
 * When the pilot's turning points happen. Most are placed as a share of the pilot (extension
 * included), so a shorter pilot (`--months`) keeps the same story in the same order.
 */
export interface Milestones {
  readonly rolesFoundUnclear: Date;
  readonly rolesClarified: Date;
  readonly venuesAlternate: Date;
  readonly respiteSuggested: Date;
  readonly respiteAdopted: Date;
  readonly respiteFrom: Date;
  readonly eveningSuggested: Date;
  readonly eveningAdopted: Date;
  readonly eveningFrom: Date;
  readonly midWorkshop: Date;
  readonly decisionsRevised: Date;
  readonly localTvSuggested: Date;
  readonly localTvDeclined: Date;
  readonly psychologistChange: Date;
  readonly selfOrganisingFrom: Date;
  readonly extensionDecided: Date;
  readonly finalWorkshop: Date;
}

export interface Timeline {
  /** The project's start: launch and co-design. */
  readonly launch: Date;
  readonly pilotStart: Date;
  readonly plannedPilotMonths: number;
  /** Planned months plus the extension. */
  readonly pilotMonths: number;
  readonly pilotEnd: Date;
  /** The end of co-assessment: the last fact of the pilot. */
  readonly end: Date;
  readonly milestones: Milestones;
  /** Start of pilot month m (1-based). */
  pilotMonth(month: number): Date;
  /** An instant at a share of the pilot (0 = its start, 1 = its extended end). */
  at(share: number): Date;
}

export function planTimeline(start: Date, plannedPilotMonths: number, rng: Random): Timeline {
  const launch = start;
  const pilotStart = addDays(launch, CO_DESIGN_DAYS);
  const pilotMonths = plannedPilotMonths + EXTENSION_MONTHS;
  const pilotEnd = addMonths(pilotStart, pilotMonths);
  const end = addDays(pilotEnd, CO_ASSESSMENT_DAYS);
  const span = pilotEnd.getTime() - pilotStart.getTime();
  const at = (share: number) => new Date(pilotStart.getTime() + Math.round(span * share));
  // A little seeded jitter, so two seeds do not tell the story on the same days.
  const near = (share: number) => atTime(between(at(share), at(share + 0.015), rng.next()), 10);
  const midWorkshop = atTime(nextWeekday(near(0.28), 6), 9, 30);
  const milestones: Milestones = {
    rolesFoundUnclear: atTime(addDays(launch, 18 + rng.int(0, 3)), 11),
    rolesClarified: near(0.07),
    venuesAlternate: near(0.12),
    respiteSuggested: near(0.1),
    respiteAdopted: near(0.17),
    respiteFrom: near(0.22),
    eveningSuggested: near(0.19),
    eveningAdopted: near(0.25),
    eveningFrom: near(0.31),
    midWorkshop,
    decisionsRevised: atTime(addDays(midWorkshop, 14), 10),
    localTvSuggested: near(0.34),
    localTvDeclined: near(0.39),
    psychologistChange: near(0.5),
    selfOrganisingFrom: at(0.7),
    // Decided about two and a half months before the planned end, while the pilot still runs.
    extensionDecided: atTime(addDays(addMonths(pilotStart, plannedPilotMonths), -75), 10),
    finalWorkshop: atTime(nextWeekday(addDays(pilotEnd, 14), 6), 9, 30),
  };
  return {
    launch,
    pilotStart,
    plannedPilotMonths,
    pilotMonths,
    pilotEnd,
    end,
    milestones,
    pilotMonth: (month) => addMonths(pilotStart, month - 1),
    at,
  };
}
