import { requireInteger, requireRatio } from '../shared/guards.js';
import type { ProjectTargets } from './project.events.js';
import { projectError } from './project.reasons.js';
import type { ProjectState } from './project.state.js';

export function validTargets(targets: ProjectTargets): ProjectTargets {
  requireRatio('targets.reachShare', targets.reachShare);
  requireInteger('targets.trainingCoursesPerMonth', targets.trainingCoursesPerMonth, 0, 31);
  requireInteger('targets.peerMeetingsPerMonth', targets.peerMeetingsPerMonth, 0, 31);
  requireInteger('targets.committeeEveryMonths', targets.committeeEveryMonths, 1, 60);
  requireRatio('targets.satisfactionThreshold', targets.satisfactionThreshold);
  requireRatio('targets.understandingThreshold', targets.understandingThreshold);
  return targets;
}

export function launched(state: ProjectState, projectId: string) {
  if (state.status === 'unknown') throw projectError('PROJECT_NOT_FOUND', `Project ${projectId} does not exist`);
  return state;
}
