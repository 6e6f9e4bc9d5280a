import type { ProjectTargets } from '#domain';
import {
  DEFAULT_FRAMEWORK,
  type IndicatorKey,
  type SignalFramework,
  type WeightedIndicator,
} from '#read-models/signals';

/** The sessions of a pilot month: which kinds, on which day after the month's start. */
export interface MonthSessions {
  readonly kind: 'training' | 'peer';
  /** Days after the month's start, then moved to the kind's weekday (Tuesday, Thursday). */
  readonly afterDays: number;
}

/**
 * A territory's own co-designed variant of the service (DOMAIN.md: each territory runs its own
 * variant, governed locally, followed with its own framework): what is offered and how often, the
 * targets, how many carers are eligible, how long the pilot runs, and the framework it adopts.
 */
export interface TerritoryVariant {
  readonly territoryId: string;
  readonly name: string;
  readonly serviceVariant: string;
  readonly localGovernance: string;
  readonly eligibleCarers: number;
  /** Planned pilot months; null: the run's `--months`. */
  readonly months: number | null;
  readonly targets: ProjectTargets;
  readonly sessions: (month: number) => readonly MonthSessions[];
  /** Registered by the seed and adopted by the territory; null: the platform default. */
  readonly framework: SignalFramework | null;
}

const weighted = (keys: Partial<Record<IndicatorKey, number>>): WeightedIndicator[] =>
  Object.entries(keys).map(([key, weight]) => ({ key: key as IndicatorKey, weight: weight! }));

/** The valley pilot of DOMAIN.md: a training course and a peer meeting every month. */
export const VALLEY: TerritoryVariant = {
  territoryId: 'valley',
  name: 'Valley',
  serviceVariant: 'Monthly training courses and peer meetings for family carers, with respite during sessions',
  localGovernance: 'A citizens committee of carers with the local partners, meeting every four months',
  eligibleCarers: 320,
  months: null,
  targets: {
    reachShare: 1 / 3,
    trainingCoursesPerMonth: 1,
    peerMeetingsPerMonth: 1,
    committeeEveryMonths: 4,
    satisfactionThreshold: 0.75,
    understandingThreshold: 0.75,
  },
  sessions: () => [
    { kind: 'training', afterDays: 7 },
    { kind: 'peer', afterDays: 18 },
  ],
  framework: null,
};

/**
 * Pine Valley co-designed peer support first: peer meetings every fortnight, a training course
 * only every third month, and a framework that weighs attendance, retention and carers deciding.
 */
export const PINE_VALLEY: TerritoryVariant = {
  territoryId: 'pine-valley',
  name: 'Pine Valley',
  serviceVariant: 'Peer meetings every fortnight led with a psychologist, a training course every third month',
  localGovernance: 'A carers committee meeting every three months, chaired by a carer',
  eligibleCarers: 240,
  months: 12,
  targets: {
    reachShare: 0.25,
    trainingCoursesPerMonth: 0,
    peerMeetingsPerMonth: 2,
    committeeEveryMonths: 3,
    satisfactionThreshold: 0.8,
    understandingThreshold: 0.7,
  },
  sessions: (month) => [
    { kind: 'peer', afterDays: 4 },
    ...(month % 3 === 1 ? [{ kind: 'training' as const, afterDays: 11 }] : []),
    { kind: 'peer', afterDays: 18 },
  ],
  framework: {
    id: 'pine-valley-peer-support',
    version: 1,
    definition: {
      ...DEFAULT_FRAMEWORK.definition,
      name: 'Pine Valley peer-support signals',
      description:
        'Engagement weighs attendance, cadence and decisions carers co-decided; trust weighs retention and word of mouth.',
      signals: {
        ...DEFAULT_FRAMEWORK.definition.signals,
        trust: {
          ...DEFAULT_FRAMEWORK.definition.signals.trust,
          indicators: weighted({
            invitationAcceptance: 1,
            declinesNotMistrust: 1,
            retention: 2,
            wordOfMouth: 1,
            trustBarriersResolved: 1,
          }),
        },
        engagement: {
          ...DEFAULT_FRAMEWORK.definition.signals.engagement,
          indicators: weighted({
            reach: 0.5,
            attendancePerActivity: 2,
            delivery: 1,
            cadence: 1,
            decisionsConsulted: 1,
            decisionsCoDecided: 1,
            feedbackResponse: 1,
            satisfaction: 1,
          }),
        },
      },
    },
  },
};

/**
 * Stone Valley co-designed training first: a course every month with its quizzes, peer meetings
 * every other month, a higher reach target, and a framework that weighs what carers learnt.
 */
export const STONE_VALLEY: TerritoryVariant = {
  territoryId: 'stone-valley',
  name: 'Stone Valley',
  serviceVariant: 'A training course every month on caring at home, with a peer meeting every other month',
  localGovernance: 'A joint board of the partners and two carers, meeting every six months',
  eligibleCarers: 180,
  months: 12,
  targets: {
    reachShare: 0.4,
    trainingCoursesPerMonth: 1,
    peerMeetingsPerMonth: 0,
    committeeEveryMonths: 6,
    satisfactionThreshold: 0.75,
    understandingThreshold: 0.8,
  },
  sessions: (month) => [
    { kind: 'training', afterDays: 7 },
    ...(month % 2 === 0 ? [{ kind: 'peer' as const, afterDays: 18 }] : []),
  ],
  framework: {
    id: 'stone-valley-training',
    version: 1,
    definition: {
      ...DEFAULT_FRAMEWORK.definition,
      name: 'Stone Valley training signals',
      description: 'Engagement weighs understanding and its gain after each course twice, over six-month windows.',
      defaultWindowMonths: 6,
      signals: {
        ...DEFAULT_FRAMEWORK.definition.signals,
        engagement: {
          ...DEFAULT_FRAMEWORK.definition.signals.engagement,
          indicators: weighted({
            reach: 1,
            attendancePerActivity: 1,
            delivery: 1,
            cadence: 1,
            decisionsConsulted: 1,
            satisfaction: 1,
            understanding: 2,
            understandingGain: 2,
          }),
        },
      },
    },
  },
};

/** The three territories of the default demo; further projects (`--projects N`) run the valley's variant. */
export const DEMO_VARIANTS: readonly TerritoryVariant[] = [VALLEY, PINE_VALLEY, STONE_VALLEY];

const MORE_PLACES = ['Lake Valley', 'High Plateau', 'Chestnut Hills', 'River Gorge'];

/** Where the index-th project runs, with its variant. */
export function variantOf(index: number): TerritoryVariant {
  const demo = DEMO_VARIANTS[index];
  if (demo) return demo;
  const extra = index - DEMO_VARIANTS.length;
  const name = `${MORE_PLACES[extra % MORE_PLACES.length]}${extra >= MORE_PLACES.length ? ` ${Math.floor(extra / MORE_PLACES.length) + 1}` : ''}`;
  return { ...VALLEY, territoryId: name.toLowerCase().replace(/\s+/g, '-'), name };
}
