import type { TerritoryVariant } from './scenario/variants.js';
import type {
  CarerAgeBand,
  CarerGender,
  CarerInvitationChannel,
  CarerRelationship,
  CarerStressLevel,
  OrganisationKind,
  PartnerMemberRole,
  PartnerRole,
  QuoteGender,
} from '#domain';
import type { Actor } from '#event-store';
import type { Plan } from './plan.js';
import type { Ids, Random } from './random.js';
import type { Timeline } from './timeline.js';

/**
 * What the parts of one pilot share while they plan: who the partners are, when things happen,
 * which carers take part. Plans are made ahead of time from the seed, so a later part (e.g. the
 * evidence) can rely on what an earlier part (e.g. attendance) decided.
 */

export interface Member {
  /** Pseudonymous: members are never named in events. */
  readonly id: string;
  readonly organisationId: string;
  readonly role: PartnerMemberRole;
  /** Only for quotes ("Provider, female, 2"). */
  readonly gender: QuoteGender;
  readonly number: number;
  /** How the member acts on the platform. */
  readonly actor: Actor;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly culture: string;
  readonly partnerRole: PartnerRole;
  readonly members: readonly Member[];
}

/** The university and the research institute serve every project of a run; the rest are local. */
export interface SharedOrganisations {
  readonly university: Organisation;
  readonly institute: Organisation;
  readonly admin: Member;
}

export interface Cast {
  readonly university: Organisation;
  readonly institute: Organisation;
  readonly agency: Organisation;
  readonly facilityA: Organisation;
  readonly facilityB: Organisation;
  readonly all: readonly Organisation[];
  readonly admin: Member;
  readonly universityCoordinator: Member;
  readonly universityResearchers: readonly Member[];
  readonly instituteResearchers: readonly Member[];
  readonly agencyCoordinator: Member;
  /** The first psychologist leaves mid-pilot; peer meetings are then led by the second. */
  readonly psychologists: readonly [Member, Member];
  readonly facilitator: Member;
  readonly careProfessionals: readonly Member[];
  readonly facilityCoordinators: readonly [Member, Member];
  readonly facilityCareProfessionals: readonly [Member, Member];
}

export interface Instruments {
  /** 13 items on a 3-point scale, after each training course. */
  readonly trainingSatisfaction: string;
  /** 1 item on a 4-point scale, after each peer meeting. */
  readonly peerSatisfaction: string;
}

export interface PlannedCarer {
  readonly id: string;
  readonly number: number;
  readonly pseudonym: string;
  readonly gender: CarerGender;
  readonly ageBand: CarerAgeBand;
  readonly weeklyCareHours: number | null;
  readonly stressLevel: CarerStressLevel;
  readonly area: string;
  readonly relationship: CarerRelationship;
  readonly firstChannel: CarerInvitationChannel;
  readonly invitedAt: Date;
  /** Accepted and consented: may take part from then on. Null for a carer never won over. */
  readonly joinedAt: Date | null;
  readonly withdrawnAt: Date | null;
  /** Stops coming without a word (no withdrawal is recorded). */
  readonly droppedOffAt: Date | null;
  readonly audioConsentFrom: Date | null;
  readonly audioConsentUntil: Date | null;
  /** How readily the carer comes (heavy-tailed: a few come to almost everything). */
  readonly engagement: number;
  /** 0: prefers training courses, 1: prefers peer meetings. */
  readonly peerAffinity: number;
  /** 0..1, lifts quiz scores. */
  readonly competence: number;
  /** 0..1, lifts survey answers. */
  readonly satisfaction: number;
  /** Filled while attendance is planned; the evidence part interviews carers who came. */
  readonly attended: Date[];
}

export interface PilotWorld {
  readonly index: number;
  readonly seed: string;
  readonly rng: Random;
  readonly ids: Ids;
  readonly plan: Plan;
  readonly projectId: string;
  readonly territoryId: string;
  readonly projectName: string;
  /** The territory's own variant of the service: sessions, targets, framework. */
  readonly variant: TerritoryVariant;
  readonly programmeId: string | null;
  readonly timeline: Timeline;
  readonly cast: Cast;
  readonly instruments: Instruments;
}

/** Whether a carer may be asked to an activity on that date (joined a little before, still there). */
export function availableOn(carer: PlannedCarer, date: Date, leadDays = 2): boolean {
  const time = date.getTime();
  return (
    carer.joinedAt !== null &&
    carer.joinedAt.getTime() < time - leadDays * 86_400_000 &&
    (carer.withdrawnAt === null || carer.withdrawnAt.getTime() > time) &&
    (carer.droppedOffAt === null || carer.droppedOffAt.getTime() > time)
  );
}

export function hasAudioConsentOn(carer: PlannedCarer, date: Date): boolean {
  const time = date.getTime();
  return (
    carer.audioConsentFrom !== null &&
    carer.audioConsentFrom.getTime() < time &&
    (carer.audioConsentUntil === null || carer.audioConsentUntil.getTime() > time)
  );
}
