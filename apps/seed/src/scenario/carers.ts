import { base, Faker, it } from '@faker-js/faker';
import { carerAggregate, carerStreamId, type CarerCommand, type CarerInvitationChannel } from '#domain';
import type { Actor } from '#event-store';
import type { PersonalData } from '#privacy';
import { addDays, addMinutes, atTime } from '../calendar.js';
import { checkingProject } from '../plan.js';
import type { Random } from '../random.js';
import { DECLINE_NOTES } from '../texts.js';
import type { PilotWorld, PlannedCarer } from '../world.js';
import {
  ACCEPTANCE,
  CHANNELS,
  declineReason,
  drawAttributes,
  invitationDates,
  pickReferrer,
  WITHDRAWAL_REASONS,
} from './carer-traits.js';

/**
 * About 130 of the valley's 320 eligible carers are invited over the pilot, most of them by word
 * of mouth. Each is registered under a pseudonym ("Carer 12") with non-identifying attributes;
 * only those who accept give a name and a phone number, sealed by the vault. Roughly three in
 * four accept; refusals are mostly mistrust, and a few refusers are won over later by a carer
 * they know. Some withdraw (the patient's death, lack of time), others simply stop coming.
 */

interface Invitation {
  readonly at: Date;
  readonly channel: CarerInvitationChannel;
  readonly referrer: PlannedCarer | null;
}

/** One carer while being planned: the parts below fill in when they join and leave. */
interface Carer {
  readonly world: PilotWorld;
  readonly id: string;
  readonly number: number;
  readonly r: Random;
  readonly actor: Actor;
}

/** One-off events of the whole pilot, each for the first carer it fits. */
interface Once {
  erasure: boolean;
  audioWithdrawal: boolean;
}

export function planCarers(world: PilotWorld): PlannedCarer[] {
  const rng = world.rng.fork('carers');
  // Faker draws the synthetic Italian names and phone numbers from the same seed.
  const faker = new Faker({ locale: [it, base] });
  faker.seed(rng.uint32());
  const scale = (world.timeline.pilotMonths + 2) / 22;
  const count = Math.max(20, Math.round(130 * scale + rng.normal(0, 4)));
  const carers: PlannedCarer[] = [];
  const once: Once = { erasure: false, audioWithdrawal: false };

  invitationDates(world, count, rng).forEach((invitedAt, index) => {
    const number = index + 1;
    const r = rng.fork(`carer:${number}`);
    const carer: Carer = {
      world,
      id: world.ids.uuid(`carer:${number}`),
      number,
      r,
      actor: world.cast.agencyCoordinator.actor,
    };
    // The first carers come through the agency's own clients, in time for the co-design workshops.
    const firstWave = index < 10;
    const referrer = firstWave ? null : pickReferrer(carers, invitedAt, r);
    const wanted = firstWave ? 'provider' : r.weighted(CHANNELS);
    const channel = wanted === 'word_of_mouth' && !referrer ? 'provider' : wanted;
    const attributes = drawAttributes(r);
    world.plan.add(
      carerAggregate,
      addMinutes(invitedAt, -30),
      carer.actor,
      `carer:${number}:register`,
      checkingProject(world.projectId, {
        type: 'RegisterCarer',
        data: {
          carerId: carer.id,
          projectId: world.projectId,
          pseudonym: `Carer ${number}`,
          registeredByOrganisationId: world.cast.agency.id,
          ...attributes,
          personalData: null,
        },
      }),
    );
    const joinedAt = planInvitations(
      carer,
      { at: invitedAt, channel, referrer: channel === 'word_of_mouth' ? referrer : null },
      carers,
    );
    const personalData: PersonalData = {
      fullName: `${faker.person.firstName(attributes.gender === 'male' ? 'male' : 'female')} ${faker.person.lastName()}`,
      phone: `+39 3${faker.string.numeric(2)} ${faker.string.numeric(3)} ${faker.string.numeric(4)}`,
      email: null,
      address: null,
    };
    const joined = joinedAt ? planJoining(carer, joinedAt, personalData) : null;
    const left = joinedAt ? planLeaving(carer, joinedAt, once) : null;
    const audioConsentUntil =
      joined?.audioConsentFrom && !left?.withdrawnAt ? planAudioWithdrawal(carer, joined.audioConsentFrom, once) : null;
    carers.push({
      id: carer.id,
      number,
      pseudonym: `Carer ${number}`,
      ...attributes,
      firstChannel: channel,
      invitedAt,
      joinedAt,
      withdrawnAt: left?.withdrawnAt ?? null,
      droppedOffAt: left?.droppedOffAt ?? null,
      audioConsentFrom: joined?.audioConsentFrom ?? null,
      audioConsentUntil,
      engagement: Math.exp(r.normal(0, 0.8)),
      peerAffinity: r.next(),
      competence: r.next(),
      satisfaction: Math.min(1, Math.max(0, r.normal(0.8, 0.1))),
      attended: [],
    });
  });
  return carers;
}

/** The invitation, its answer and, after a refusal, perhaps a second invitation by word of mouth. */
function planInvitations(carer: Carer, first: Invitation, carers: readonly PlannedCarer[]): Date | null {
  const { world, id, number, r, actor } = carer;
  const { timeline, cast } = world;
  const invitations: Invitation[] = [first];
  for (let round = 1; round <= invitations.length; round++) {
    const invitation = invitations[round - 1]!;
    const invitationId = world.ids.uuid(`carer:${number}:invitation:${round}`);
    world.plan.add(carerAggregate, invitation.at, actor, `carer:${number}:invite:${round}`, {
      type: 'InviteCarer',
      data: {
        carerId: id,
        invitationId,
        channel: invitation.channel,
        invitedByOrganisationId:
          invitation.channel === 'care_facility' ? r.pick([cast.facilityA, cast.facilityB]).id : cast.agency.id,
        referredByCarerId: invitation.referrer?.id ?? null,
      },
    });
    const answeredAt = atTime(addDays(invitation.at, r.int(1, 12)), r.int(9, 17), r.int(0, 59));
    const early = invitation.at.getTime() < addDays(timeline.pilotStart, 90).getTime();
    const yes = ACCEPTANCE[invitation.channel] * (early && invitation.channel !== 'word_of_mouth' ? 0.85 : 1);
    if (r.chance(round === 1 ? yes : 0.6)) {
      world.plan.add(carerAggregate, answeredAt, actor, `carer:${number}:accept`, {
        type: 'AcceptCarerInvitation',
        data: { carerId: id, invitationId },
      });
      return addMinutes(answeredAt, r.int(0, 2) * 1440 + 60);
    }
    const reason = round === 1 ? declineReason(r, early) : r.pick(['no_time', 'not_interested'] as const);
    const notes = DECLINE_NOTES[reason];
    world.plan.add(carerAggregate, answeredAt, actor, `carer:${number}:decline:${round}`, {
      type: 'DeclineCarerInvitation',
      data: { carerId: id, invitationId, reason, note: notes && r.chance(0.4) ? r.pick(notes) : null },
    });
    // Some refusers are won over months later, when a carer they know passes the word.
    const againAt = atTime(addDays(answeredAt, r.int(60, 150)), 11);
    const referrer = pickReferrer(carers, againAt, r);
    if (
      round === 1 &&
      reason !== 'patient_health' &&
      r.chance(0.3) &&
      referrer &&
      againAt.getTime() < addDays(timeline.pilotEnd, -45).getTime()
    ) {
      invitations.push({ at: againAt, channel: 'word_of_mouth', referrer });
    }
  }
  return null;
}

/** Consents first (participation, data processing, sometimes audio), then the sealed personal data. */
function planJoining(carer: Carer, joinedAt: Date, personalData: PersonalData): { audioConsentFrom: Date | null } {
  const { world, id, number, r, actor } = carer;
  const consentAt = addMinutes(joinedAt, -30);
  const consent = (kind: 'participation' | 'data_processing' | 'audio_recording', minute: number) =>
    world.plan.add(carerAggregate, addMinutes(consentAt, minute), actor, `carer:${number}:consent:${kind}`, {
      type: 'GiveCarerConsent',
      data: { carerId: id, kind },
    });
  consent('participation', 0);
  consent('data_processing', 1);
  const audio = r.chance(0.45);
  if (audio) consent('audio_recording', 2);
  world.plan.add(carerAggregate, addMinutes(consentAt, 10), actor, `carer:${number}:personal-data`, {
    type: 'UpdateCarerPersonalData',
    streamId: carerStreamId(id),
    // As the resolver: the name and phone reach the command only sealed with the carer's own key.
    prepare: async (path) => ({
      type: 'UpdateCarerPersonalData' as const,
      data: { carerId: id, personalData: await path.encrypt(id, personalData) },
    }),
  });
  return { audioConsentFrom: audio ? addMinutes(consentAt, 2) : null };
}

/** A few withdraw (one family then asks for erasure); more simply stop coming. */
function planLeaving(
  carer: Carer,
  joinedAt: Date,
  once: Once,
): { withdrawnAt: Date | null; droppedOffAt: Date | null } {
  const { world, id, number, r, actor } = carer;
  const { timeline } = world;
  const withdrawAt = atTime(addDays(joinedAt, r.int(45, 300)), 10);
  if (r.chance(0.06) && withdrawAt.getTime() < addDays(timeline.pilotEnd, -7).getTime()) {
    const reason = r.weighted(WITHDRAWAL_REASONS);
    world.plan.add(carerAggregate, withdrawAt, actor, `carer:${number}:withdraw`, {
      type: 'WithdrawCarerFromProject',
      data: { carerId: id, reason, note: null },
    });
    const eraseAt = addDays(withdrawAt, 40);
    if (!once.erasure && reason === 'patient_death' && eraseAt.getTime() < timeline.end.getTime()) {
      once.erasure = true;
      planErasure(carer, eraseAt);
    }
    return { withdrawnAt: withdrawAt, droppedOffAt: null };
  }
  return { withdrawnAt: null, droppedOffAt: r.chance(0.22) ? atTime(addDays(joinedAt, r.int(60, 240)), 8) : null };
}

function planErasure(carer: Carer, at: Date): void {
  const { world, id, number, actor } = carer;
  const reason = 'Right to erasure requested by the family after the carer left the project';
  const command: CarerCommand = { type: 'EraseCarerPersonalData', data: { carerId: id, erasedBy: actor.id, reason } };
  world.plan.add(carerAggregate, at, actor, `carer:${number}:erase`, {
    type: 'EraseCarerPersonalData',
    streamId: carerStreamId(id),
    // As the resolver: the key is destroyed first, then the event records the erasure.
    prepare: async (path) => {
      await path.erase(id, actor.id, reason);
      return command;
    },
  });
}

/** Past the middle of the pilot one carer no longer wants to be recorded; returns until when they did. */
function planAudioWithdrawal(carer: Carer, consentFrom: Date, once: Once): Date | null {
  const { world, id, number, actor } = carer;
  const at = world.timeline.at(0.6);
  if (once.audioWithdrawal || consentFrom.getTime() >= addDays(at, -30).getTime()) return null;
  once.audioWithdrawal = true;
  world.plan.add(carerAggregate, at, actor, `carer:${number}:consent-withdrawn`, {
    type: 'WithdrawCarerConsent',
    data: { carerId: id, kind: 'audio_recording' },
  });
  return at;
}
