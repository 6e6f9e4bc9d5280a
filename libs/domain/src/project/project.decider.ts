import type { Decider } from '../shared/decider.js';
import { extendPilot } from './decide/extend-pilot.js';
import { launchProject } from './decide/launch-project.js';
import { reviseProjectTargets } from './decide/revise-project-targets.js';
import { startProjectPhase } from './decide/start-project-phase.js';
import type { ProjectCommand } from './project.commands.js';
import type { ProjectEvent } from './project.events.js';
import type { ProjectState } from './project.state.js';

export type { ProjectState } from './project.state.js';

export const projectStreamId = (projectId: string) => `project-${projectId}`;

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    switch (command.type) {
      case 'LaunchProject':
        return launchProject(command, state);
      case 'StartProjectPhase':
        return startProjectPhase(command, state);
      case 'ExtendPilot':
        return extendPilot(command, state);
      case 'ReviseProjectTargets':
        return reviseProjectTargets(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ProjectLaunched':
        return { status: 'launched', phase: 'co_design', pilotMonths: event.data.pilotMonths };
      case 'ProjectPhaseStarted':
        return state.status === 'launched' ? { ...state, phase: event.data.phase } : state;
      case 'PilotExtended':
        return state.status === 'launched' ? { ...state, pilotMonths: event.data.pilotMonths } : state;
      case 'ProjectTargetsRevised':
        return state;
    }
  },
};
