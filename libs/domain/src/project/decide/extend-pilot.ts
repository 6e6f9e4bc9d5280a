import { requireInteger, requireText } from '../../shared/guards.js';
import type { ExtendPilot } from '../project.commands.js';
import type { ProjectEvent } from '../project.events.js';
import { launched } from '../project.guards.js';
import { projectError } from '../project.reasons.js';
import type { ProjectState } from '../project.state.js';

export function extendPilot(command: ExtendPilot, state: ProjectState): ProjectEvent[] {
  const current = launched(state, command.data.projectId);
  if (current.phase === 'co_assessment' || current.phase === 'closed') {
    throw projectError('PILOT_OVER', `The pilot is over (phase ${current.phase}); it can no longer be extended`);
  }
  const additionalMonths = requireInteger('additionalMonths', command.data.additionalMonths, 1, 60);
  return [
    {
      type: 'PilotExtended',
      data: {
        projectId: command.data.projectId,
        additionalMonths,
        pilotMonths: current.pilotMonths + additionalMonths,
        reason: requireText('reason', command.data.reason),
      },
    },
  ];
}
