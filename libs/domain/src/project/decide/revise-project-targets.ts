import { requireText } from '../../shared/guards.js';
import type { ReviseProjectTargets } from '../project.commands.js';
import type { ProjectEvent } from '../project.events.js';
import { launched, validTargets } from '../project.guards.js';
import { projectError } from '../project.reasons.js';
import type { ProjectState } from '../project.state.js';

export function reviseProjectTargets(command: ReviseProjectTargets, state: ProjectState): ProjectEvent[] {
  const current = launched(state, command.data.projectId);
  if (current.phase === 'closed') throw projectError('PROJECT_CLOSED', 'A closed project keeps its targets');
  return [
    {
      type: 'ProjectTargetsRevised',
      data: {
        projectId: command.data.projectId,
        targets: validTargets(command.data.targets),
        reason: requireText('reason', command.data.reason),
      },
    },
  ];
}
