import { requireInteger, requireText, requireValidDate } from '../../shared/guards.js';
import type { LaunchProject } from '../project.commands.js';
import type { ProjectEvent } from '../project.events.js';
import { validTargets } from '../project.guards.js';
import { projectError } from '../project.reasons.js';
import type { ProjectState } from '../project.state.js';

export function launchProject(command: LaunchProject, state: ProjectState): ProjectEvent[] {
  const data = command.data;
  if (state.status !== 'unknown') {
    throw projectError('PROJECT_ALREADY_LAUNCHED', `Project ${data.projectId} was already launched`);
  }
  requireValidDate('startsOn', new Date(data.startsOn));
  return [
    {
      type: 'ProjectLaunched',
      data: {
        ...data,
        name: requireText('name', data.name, 200),
        eligibleCarers: requireInteger('eligibleCarers', data.eligibleCarers, 1, 1_000_000),
        pilotMonths: requireInteger('pilotMonths', data.pilotMonths, 1, 120),
        targets: validTargets(data.targets),
      },
    },
  ];
}
