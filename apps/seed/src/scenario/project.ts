import { programmeAggregate, projectAggregate, type ProjectCommand } from '#domain';
import { addDays, addHours, isoDay } from '../calendar.js';
import type { PilotWorld } from '../world.js';

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
        name: world.variant.name,
        localGovernance: world.variant.localGovernance,
        serviceVariant: world.variant.serviceVariant,
      },
    });
    const framework = world.variant.framework;
    if (framework) {
      // Registered by the seed before the run (seed main), adopted here as the territory's choice.
      plan.add(programmeAggregate, addDays(timeline.launch, -1), lead, 'territory:framework', {
        type: 'AdoptTerritorySignalFramework',
        data: {
          programmeId: world.programmeId,
          territoryId: world.territoryId,
          frameworkId: framework.id,
          version: framework.version,
        },
      });
    }
  }
  plan.add(projectAggregate, timeline.launch, lead, 'project:launch', {
    type: 'LaunchProject',
    data: {
      projectId,
      programmeId: world.programmeId,
      territoryId: world.territoryId,
      name: world.projectName,
      eligibleCarers: world.variant.eligibleCarers,
      pilotMonths: timeline.plannedPilotMonths,
      startsOn: isoDay(timeline.launch),
      targets: { ...world.variant.targets },
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
