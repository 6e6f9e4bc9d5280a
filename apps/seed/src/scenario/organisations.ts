import {
  organisationAggregate,
  programmeAggregate,
  surveyInstrumentAggregate,
  type OrganisationKind,
  type PartnerMemberRole,
  type PartnerRole,
} from '#domain';
import type { Plan } from '../plan.js';
import type { Ids, Random } from '../random.js';
import { ORGANISATION_CULTURES } from '../texts.js';
import type { Cast, Instruments, Member, Organisation, PilotWorld, SharedOrganisations } from '../world.js';
import { addDays } from '../calendar.js';

type ActorRole = 'provider' | 'researcher' | 'admin';

/** Members are known by pseudonymous ids such as `home-care-3f9a1c-psychologist-1`, never by name. */
function member(
  organisation: { id: string; slug: string },
  role: PartnerMemberRole,
  number: number,
  actorRole: ActorRole,
  rng: Random,
): Member {
  const id = `${organisation.slug}-${role.replace(/_/g, '-')}-${number}`;
  return {
    id,
    organisationId: organisation.id,
    role,
    number,
    gender: rng.weighted([
      ['female', 0.6],
      ['male', 0.38],
      ['undisclosed', 0.02],
    ] as const),
    actor: { id, role: actorRole, organisationId: organisation.id },
  };
}

function organisation(
  slug: string,
  suffix: string,
  shape: { name: string; kind: OrganisationKind; culture: string; partnerRole: PartnerRole },
  members: (org: { id: string; slug: string }) => Member[],
): Organisation {
  const tagged = suffix ? `${slug}-${suffix}` : slug;
  const ref = { id: `org-${tagged}`, slug: tagged };
  return { ...shape, id: ref.id, members: members(ref) };
}

/**
 * What keeps organisation ids apart when pilots share a store (`--projects N`, or `--append` with
 * another seed) while the default demo keeps the readable ids the README uses (`org-home-care`,
 * `org-university`): the territory of every project after the first, and the seed unless default.
 */
export function organisationSuffix(seed: number, defaultSeed: number, territoryId: string | null): string {
  return [territoryId, seed === defaultSeed ? null : `s${seed}`].filter((part) => part !== null).join('-');
}

/** The research partners, shared by every project of a run, and the run's administrator. */
export function sharedOrganisations(suffix: string, rng: Random): SharedOrganisations {
  const r = rng.fork('members');
  const university = organisation(
    'university',
    suffix,
    {
      name: 'University of the Northern Valleys',
      kind: 'university',
      culture: ORGANISATION_CULTURES.university,
      partnerRole: 'lead',
    },
    (ref) => [
      member(ref, 'administrator', 1, 'admin', r),
      member(ref, 'coordinator', 1, 'researcher', r),
      member(ref, 'researcher', 1, 'researcher', r),
      member(ref, 'researcher', 2, 'researcher', r),
    ],
  );
  const institute = organisation(
    'institute',
    suffix,
    {
      name: 'Alpine Institute for Social Research',
      kind: 'research_institute',
      culture: ORGANISATION_CULTURES.institute,
      partnerRole: 'research_partner',
    },
    (ref) => [member(ref, 'researcher', 1, 'researcher', r), member(ref, 'researcher', 2, 'researcher', r)],
  );
  return { university, institute, admin: university.members[0]! };
}

/** Registers the shared organisations and the two instruments once per run, before any project starts. */
export function planSharedSetup(
  plan: Plan,
  ids: Ids,
  shared: SharedOrganisations,
  firstLaunch: Date,
  programme: { id: string; name: string } | null,
): Instruments {
  const admin = shared.admin.actor;
  const day = addDays(firstLaunch, -6);
  for (const org of [shared.university, shared.institute]) {
    plan.add(organisationAggregate, day, admin, `organisation:${org.id}`, {
      type: 'RegisterOrganisation',
      data: { organisationId: org.id, name: org.name, kind: org.kind, culture: org.culture },
    });
  }
  const instruments: Instruments = {
    trainingSatisfaction: ids.uuid('instrument:training-satisfaction'),
    peerSatisfaction: ids.uuid('instrument:peer-satisfaction'),
  };
  plan.add(surveyInstrumentAggregate, addDays(day, 1), admin, 'instrument:training-satisfaction', {
    type: 'RegisterSurveyInstrument',
    data: {
      instrumentId: instruments.trainingSatisfaction,
      name: 'Training course satisfaction (13 items)',
      description: 'Answered by carers after each training course; one answer per item on a 3-point scale.',
      measures: 'satisfaction',
      itemCount: 13,
      scale: {
        minimum: 1,
        maximum: 3,
        labels: [
          { value: 1, label: 'Not satisfied' },
          { value: 2, label: 'Satisfied' },
          { value: 3, label: 'Very satisfied' },
        ],
      },
    },
  });
  plan.add(surveyInstrumentAggregate, addDays(day, 1), admin, 'instrument:peer-satisfaction', {
    type: 'RegisterSurveyInstrument',
    data: {
      instrumentId: instruments.peerSatisfaction,
      name: 'Peer meeting satisfaction (1 item)',
      description: '4 = completely satisfied (100%), 3 = satisfied (75%), 2 = partly satisfied, 1 = not satisfied.',
      measures: 'satisfaction',
      itemCount: 1,
      scale: {
        minimum: 1,
        maximum: 4,
        labels: [
          { value: 1, label: 'Not satisfied' },
          { value: 2, label: 'Partly satisfied' },
          { value: 3, label: 'Satisfied' },
          { value: 4, label: 'Completely satisfied' },
        ],
      },
    },
  });
  if (programme) {
    plan.add(programmeAggregate, addDays(day, 2), shared.university.members[1]!.actor, 'programme', {
      type: 'LaunchProgramme',
      data: { programmeId: programme.id, name: programme.name },
    });
  }
  return instruments;
}

/** The local partners of one project: the home-care agency that runs the pilot and two care facilities. */
export function localCast(shared: SharedOrganisations, suffix: string, rng: Random, placeName: string): Cast {
  const r = rng.fork('members');
  const agency = organisation(
    'home-care',
    suffix,
    {
      name: `${placeName} Home Care Cooperative`,
      kind: 'service_provider',
      culture: ORGANISATION_CULTURES.agency,
      partnerRole: 'service_provider',
    },
    (ref) => [
      member(ref, 'coordinator', 1, 'provider', r),
      member(ref, 'psychologist', 1, 'provider', r),
      member(ref, 'psychologist', 2, 'provider', r),
      member(ref, 'facilitator', 1, 'provider', r),
      member(ref, 'care_professional', 1, 'provider', r),
      member(ref, 'care_professional', 2, 'provider', r),
    ],
  );
  const facility = (slug: string, name: string) =>
    organisation(
      slug,
      suffix,
      { name, kind: 'care_facility', culture: ORGANISATION_CULTURES.facility, partnerRole: 'promoter' },
      (ref) => [member(ref, 'coordinator', 1, 'provider', r), member(ref, 'care_professional', 1, 'provider', r)],
    );
  const facilityA = facility('larch-house', `Larch House Assisted Living (${placeName})`);
  const facilityB = facility('st-roch', `St Roch Care Home (${placeName})`);
  const [, coordinator, researcher1, researcher2] = shared.university.members;
  const [agencyCoordinator, psychologist1, psychologist2, facilitator, care1, care2] = agency.members;
  return {
    university: shared.university,
    institute: shared.institute,
    agency,
    facilityA,
    facilityB,
    all: [shared.university, shared.institute, agency, facilityA, facilityB],
    admin: shared.admin,
    universityCoordinator: coordinator!,
    universityResearchers: [researcher1!, researcher2!],
    instituteResearchers: shared.institute.members,
    agencyCoordinator: agencyCoordinator!,
    // The second psychologist joins the partnership when the first leaves (see partnership.ts).
    psychologists: [psychologist1!, psychologist2!],
    facilitator: facilitator!,
    careProfessionals: [care1!, care2!],
    facilityCoordinators: [facilityA.members[0]!, facilityB.members[0]!],
    facilityCareProfessionals: [facilityA.members[1]!, facilityB.members[1]!],
  };
}

/** The local organisations are registered a few days before their project is launched. */
export function planLocalOrganisations(world: PilotWorld): void {
  const { cast, plan, timeline } = world;
  for (const org of [cast.agency, cast.facilityA, cast.facilityB]) {
    plan.add(organisationAggregate, addDays(timeline.launch, -5), cast.admin.actor, `organisation:${org.id}`, {
      type: 'RegisterOrganisation',
      data: { organisationId: org.id, name: org.name, kind: org.kind, culture: org.culture },
    });
  }
}
