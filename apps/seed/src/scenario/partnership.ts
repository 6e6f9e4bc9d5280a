import { partnershipAggregate } from '#domain';
import { addDays, addMinutes, atTime } from '../calendar.js';
import { RESPONSIBILITIES } from '../texts.js';
import type { Member, PilotWorld } from '../world.js';

/**
 * The partnership forms on launch day; roles are written down for every partner but the
 * university, whose split of carer follow-up with the agency is found unclear during co-design
 * and clarified early in the pilot. The first psychologist leaves mid-pilot.
 */
export function planPartnership(world: PilotWorld): void {
  const { plan, timeline, cast, projectId } = world;
  const { milestones } = timeline;
  const lead = cast.universityCoordinator.actor;

  cast.all.forEach((org, index) => {
    plan.add(partnershipAggregate, addMinutes(timeline.launch, 30 + index), lead, `partner:${org.id}`, {
      command: {
        type: 'JoinPartnership',
        data: { projectId, organisationId: org.id, partnerRole: org.partnerRole },
      },
      // The partnership decider sees only its own stream: like the resolver, check the project and the organisation.
      check: async (path) => {
        await path.requireProject(projectId);
        await path.requireOrganisation(org.id);
      },
    });
  });

  const [, secondPsychologist] = cast.psychologists;
  const firstDay = atTime(addDays(timeline.launch, 1), 9);
  cast.all
    .flatMap((org) => org.members)
    .filter((m) => m.id !== secondPsychologist.id)
    .forEach((m, index) => addMember(world, m, addMinutes(firstDay, index), `member:${m.id}`));

  const clarify = (orgId: string, responsibilities: readonly string[], at: Date, key: string) =>
    plan.add(partnershipAggregate, at, lead, key, {
      type: 'ClarifyPartnerRoles',
      data: { projectId, organisationId: orgId, responsibilities: [...responsibilities] },
    });
  const rolesDay = atTime(addDays(timeline.launch, 3), 11);
  clarify(cast.institute.id, RESPONSIBILITIES.institute, rolesDay, 'roles:institute');
  clarify(cast.agency.id, RESPONSIBILITIES.agency, addMinutes(rolesDay, 1), 'roles:agency');
  clarify(cast.facilityA.id, RESPONSIBILITIES.facility, addMinutes(rolesDay, 2), 'roles:facility-a');
  clarify(cast.facilityB.id, RESPONSIBILITIES.facility, addMinutes(rolesDay, 3), 'roles:facility-b');

  plan.add(partnershipAggregate, milestones.rolesFoundUnclear, cast.instituteResearchers[0]!.actor, 'roles:unclear', {
    type: 'RecordUnclearPartnerRoles',
    data: {
      projectId,
      organisationId: cast.university.id,
      note: 'Recruitment and follow-up of carers is claimed by neither the university nor the agency; both assumed the other.',
    },
  });
  clarify(cast.university.id, RESPONSIBILITIES.university, milestones.rolesClarified, 'roles:university');

  // Staff turnover: the first psychologist leaves, the second takes over the peer meetings.
  const [firstPsychologist] = cast.psychologists;
  plan.add(partnershipAggregate, milestones.psychologistChange, cast.agencyCoordinator.actor, 'member:leaves', {
    type: 'RemovePartnerMember',
    data: { projectId, memberId: firstPsychologist.id },
  });
  addMember(world, secondPsychologist, addMinutes(milestones.psychologistChange, 5), `member:${secondPsychologist.id}`);
}

function addMember(world: PilotWorld, member: Member, at: Date, key: string): void {
  world.plan.add(partnershipAggregate, at, world.cast.universityCoordinator.actor, key, {
    type: 'AddPartnerMember',
    data: {
      projectId: world.projectId,
      organisationId: member.organisationId,
      memberId: member.id,
      memberRole: member.role,
    },
  });
}

/** The psychologist leading peer meetings on a date. */
export function psychologistOn(world: PilotWorld, date: Date): Member {
  const [first, second] = world.cast.psychologists;
  return date.getTime() < world.timeline.milestones.psychologistChange.getTime() ? first : second;
}
