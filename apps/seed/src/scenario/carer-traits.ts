import type { CarerAttributes, CarerInvitationChannel, CarerWithdrawalReason, InvitationDeclineReason } from '#domain';
import { addDays, atTime, between } from '../calendar.js';
import type { Random } from '../random.js';
import { VALLEY_AREAS } from '../texts.js';
import type { PilotWorld, PlannedCarer } from '../world.js';

/**
 * The seeded distributions behind the carers: how they hear of the project, how readily they say
 * yes, why they refuse or leave, and who they are (non-identifying attributes only).
 */

export const CHANNELS: readonly (readonly [CarerInvitationChannel, number])[] = [
  ['word_of_mouth', 0.34],
  ['provider', 0.24],
  ['care_facility', 0.14],
  ['social_media', 0.1],
  ['gp', 0.07],
  ['social_worker', 0.04],
  ['website', 0.03],
  ['brochure', 0.03],
  ['press', 0.01],
];

/** People join when they know who asks: word of mouth convinces most, an advert least. */
export const ACCEPTANCE: Record<CarerInvitationChannel, number> = {
  word_of_mouth: 0.9,
  provider: 0.82,
  care_facility: 0.78,
  gp: 0.75,
  social_worker: 0.72,
  social_media: 0.5,
  website: 0.55,
  brochure: 0.45,
  press: 0.4,
  tv: 0.4,
  other: 0.5,
};

const DECLINE_REASONS: readonly (readonly [InvitationDeclineReason, number])[] = [
  ['mistrust', 0.38],
  ['no_substitute_carer', 0.18],
  ['no_time', 0.16],
  ['patient_health', 0.1],
  ['not_interested', 0.1],
  ['cost', 0.04],
  ['unknown', 0.04],
];

export const WITHDRAWAL_REASONS: readonly (readonly [CarerWithdrawalReason, number])[] = [
  ['patient_death', 0.4],
  ['lack_of_time', 0.3],
  ['patient_institutionalised', 0.2],
  ['moved_away', 0.1],
];

/** Mistrust weighs more at first contact early on, before anyone in the valley knows the project. */
export function declineReason(r: Random, early: boolean): InvitationDeclineReason {
  return r.weighted(
    DECLINE_REASONS.map(([reason, weight]) => [reason, early && reason === 'mistrust' ? weight * 1.5 : weight]),
  );
}

/** Most carers are women looking after a parent or a spouse; the hours of care vary widely. */
export function drawAttributes(r: Random): CarerAttributes & { area: string } {
  return {
    gender: r.weighted([
      ['female', 0.72],
      ['male', 0.26],
      ['undisclosed', 0.02],
    ] as const),
    ageBand: r.weighted([
      ['under_40', 0.05],
      ['aged_40_54', 0.25],
      ['aged_55_64', 0.35],
      ['aged_65_74', 0.22],
      ['aged_75_plus', 0.13],
    ] as const),
    weeklyCareHours: r.chance(0.1) ? null : Math.round(Math.min(112, Math.max(4, r.normal(38, 20)))),
    stressLevel: r.weighted([
      ['low', 0.15],
      ['medium', 0.4],
      ['high', 0.4],
      ['undisclosed', 0.05],
    ] as const),
    area: r.pick(VALLEY_AREAS),
    relationship: r.weighted([
      ['child', 0.5],
      ['spouse', 0.3],
      ['other_relative', 0.15],
      ['friend', 0.05],
    ] as const),
  };
}

/** A carer who joined a while before and still takes part, more likely the more engaged. */
export function pickReferrer(carers: readonly PlannedCarer[], at: Date, r: Random): PlannedCarer | null {
  const time = at.getTime();
  const candidates = carers.filter(
    (c) =>
      c.joinedAt !== null &&
      c.joinedAt.getTime() < time - 7 * 86_400_000 &&
      (c.withdrawnAt === null || c.withdrawnAt.getTime() > time),
  );
  if (candidates.length === 0) return null;
  return r.weightedSample(candidates, (c) => c.engagement, 1)[0] ?? null;
}

/**
 * Invitation days: a few in co-design, then half in the pilot's first third, fewer later as the
 * pool of reachable carers thins out. The first ten fall in the first two weeks.
 */
export function invitationDates(world: PilotWorld, count: number, rng: Random): Date[] {
  const { timeline } = world;
  const r = rng.fork('dates');
  const lastInvitation = addDays(timeline.pilotEnd, -30);
  const third = (lastInvitation.getTime() - timeline.pilotStart.getTime()) / 3;
  const pilotAt = (share: number) => new Date(timeline.pilotStart.getTime() + share * third);
  const periods: readonly (readonly [[Date, Date], number])[] = [
    [[addDays(timeline.launch, 14), timeline.pilotStart], 0.06],
    [[timeline.pilotStart, pilotAt(1)], 0.5],
    [[pilotAt(1), pilotAt(2)], 0.3],
    [[pilotAt(2), lastInvitation], 0.14],
  ];
  const dates: Date[] = [];
  for (let i = 0; i < count; i++) {
    const [from, to] = i < 10 ? [addDays(timeline.launch, 2), addDays(timeline.launch, 14)] : r.weighted(periods);
    dates.push(atTime(between(from, to, r.next()), r.int(8, 17), r.int(0, 59)));
  }
  return dates.sort((a, b) => a.getTime() - b.getTime());
}
