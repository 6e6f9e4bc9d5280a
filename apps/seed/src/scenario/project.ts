import { programmeAggregate, projectAggregate, type ProjectCommand } from '#domain';
import { addDays, addHours, isoDay } from '../calendar.js';
import type { PilotWorld } from '../world.js';

/** Targets from the pilot: reach a third of the eligible carers, a course and a peer meeting a month... */
export const TARGETS = {
  reachShare: 1 / 3,
  trainingCoursesPerMonth: 1,
  peerMeetingsPerMonth: 1,
  committeeEveryMonths: 4,
  satisfactionThreshold: 0.75,
  understandingThreshold: 0.75,
} as const;

export const ELIGIBLE_CARERS = 320;

/** The project's life: launch (co-design), pilot, a two-month extension, co-assessment. */
export function planProject(world: PilotWorld): void {
  const { plan, timeline, cast, projectId } = world;
  const lead = cast.universityCoordinator.actor;
  if (world.programmeId) {
    plan.add(programmeAggregate, addDays(timeline.launch, -2), lead, 'territory', {
      type: 'AddTerritory',
      data: {
        programmeId: world.programmeId,
        territoryId: world.territoryId,
        name: world.projectName,
        localGovernance: 'A citizens committee of carers with the local partners, meeting every four months',
        serviceVariant: 'Monthly training courses and peer meetings for family carers, with respite during sessions',
      },
    });
  }
  plan.add(projectAggregate, timeline.launch, lead, 'project:launch', {
    type: 'LaunchProject',
    data: {
      projectId,
      programmeId: world.programmeId,
      territoryId: world.territoryId,
      name: world.projectName,
      eligibleCarers: ELIGIBLE_CARERS,
      pilotMonths: timeline.plannedPilotMonths,
      startsOn: isoDay(timeline.launch),
      targets: { ...TARGETS },
    },
  });
  const phase = (key: string, at: Date, phase: 'pilot' | 'co_assessment') =>
    plan.add(projectAggregate, at, lead, key, { type: 'StartProjectPhase', data: { projectId, phase } });
  phase('project:pilot', timeline.pilotStart, 'pilot');
  const extend: ProjectCommand = {
    type: 'ExtendPilot',
    data: {
      projectId,
      additionalMonths: timeline.pilotMonths - timeline.plannedPilotMonths,
      reason:
        'Evening sessions and respite care started late; two more months let carers benefit and the committee run on its own.',
    },
  };
  plan.add(projectAggregate, timeline.milestones.extensionDecided, lead, 'project:extend', extend);
  phase('project:co-assessment', addHours(timeline.pilotEnd, 1), 'co_assessment');
}
