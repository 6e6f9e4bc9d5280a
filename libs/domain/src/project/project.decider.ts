import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound } from '../shared/errors.js';
import { requireInteger, requireRatio, requireText, requireValidDate } from '../shared/guards.js';
import type { ProjectCommand } from './project.commands.js';
import { PROJECT_PHASES, type ProjectEvent, type ProjectPhase, type ProjectTargets } from './project.events.js';

export type ProjectState =
  | { readonly status: 'unknown' }
  | { readonly status: 'launched'; readonly phase: ProjectPhase; readonly pilotMonths: number };

export const projectStreamId = (projectId: string) => `project-${projectId}`;

function validTargets(targets: ProjectTargets): ProjectTargets {
  requireRatio('targets.reachShare', targets.reachShare);
  requireInteger('targets.trainingCoursesPerMonth', targets.trainingCoursesPerMonth, 0, 31);
  requireInteger('targets.peerMeetingsPerMonth', targets.peerMeetingsPerMonth, 0, 31);
  requireInteger('targets.committeeEveryMonths', targets.committeeEveryMonths, 1, 60);
  requireRatio('targets.satisfactionThreshold', targets.satisfactionThreshold);
  requireRatio('targets.understandingThreshold', targets.understandingThreshold);
  return targets;
}

function launched(state: ProjectState, projectId: string) {
  if (state.status === 'unknown') throw notFound('PROJECT_NOT_FOUND', `Project ${projectId} does not exist`);
  return state;
}

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    switch (command.type) {
      case 'LaunchProject': {
        const data = command.data;
        if (state.status !== 'unknown') {
          throw conflict('PROJECT_ALREADY_LAUNCHED', `Project ${data.projectId} was already launched`);
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
      case 'StartProjectPhase': {
        const current = launched(state, command.data.projectId);
        const from = PROJECT_PHASES.indexOf(current.phase);
        const to = PROJECT_PHASES.indexOf(command.data.phase);
        if (to < 0) throw invalid('NOT_ALLOWED', `Unknown phase ${command.data.phase}`, { field: 'phase' });
        // Phases only move forward; skipping one (e.g. closing during co-design) is allowed.
        if (to <= from) {
          throw conflict(
            'PHASE_NOT_FORWARD',
            `Project is in ${current.phase}; it cannot move to ${command.data.phase}`,
          );
        }
        return [{ type: 'ProjectPhaseStarted', data: { ...command.data } }];
      }
      case 'ExtendPilot': {
        const current = launched(state, command.data.projectId);
        if (current.phase === 'co_assessment' || current.phase === 'closed') {
          throw conflict('PILOT_OVER', `The pilot is over (phase ${current.phase}); it can no longer be extended`);
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
      case 'ReviseProjectTargets': {
        const current = launched(state, command.data.projectId);
        if (current.phase === 'closed') throw conflict('PROJECT_CLOSED', 'A closed project keeps its targets');
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
