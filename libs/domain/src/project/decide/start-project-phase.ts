import { sharedError } from '../../shared/shared.reasons.js';
import type { StartProjectPhase } from '../project.commands.js';
import { PROJECT_PHASES, type ProjectEvent } from '../project.events.js';
import { launched } from '../project.guards.js';
import { projectError } from '../project.reasons.js';
import type { ProjectState } from '../project.state.js';

export function startProjectPhase(command: StartProjectPhase, state: ProjectState): ProjectEvent[] {
  const current = launched(state, command.data.projectId);
  const from = PROJECT_PHASES.indexOf(current.phase);
  const to = PROJECT_PHASES.indexOf(command.data.phase);
  if (to < 0) throw sharedError('NOT_ALLOWED', `Unknown phase ${command.data.phase}`, { field: 'phase' });
  // Phases only move forward; skipping one (e.g. closing during co-design) is allowed.
  if (to <= from) {
    throw projectError('PHASE_NOT_FORWARD', `Project is in ${current.phase}; it cannot move to ${command.data.phase}`);
  }
  return [{ type: 'ProjectPhaseStarted', data: { ...command.data } }];
}
