import type { LaunchProject, ProjectTargets } from '#domain';

/**
 * The targets of the valley pilot: a third of the eligible carers reached, a training course and a
 * peer meeting a month, a committee meeting every four months, three quarters satisfied and
 * understanding.
 */
export const VALLEY_PILOT_TARGETS: ProjectTargets = {
  reachShare: 0.33,
  trainingCoursesPerMonth: 1,
  peerMeetingsPerMonth: 1,
  committeeEveryMonths: 4,
  satisfactionThreshold: 0.75,
  understandingThreshold: 0.75,
};

/**
 * The project the tests launch when they need one and do not care about its settings: 320
 * eligible carers in the valley, 18 months from January 2025. It is the `LaunchProject` command's
 * data and, as it is, the `launchProject` GraphQL input: one home for the command-side, read-model
 * and API specs and the end-to-end tests (spread it to change what a test is about).
 */
export function valleyPilot(projectId: string): LaunchProject['data'] {
  return {
    projectId,
    programmeId: null,
    territoryId: 'valley',
    name: 'Valley pilot',
    eligibleCarers: 320,
    pilotMonths: 18,
    startsOn: '2025-01-01',
    targets: VALLEY_PILOT_TARGETS,
  };
}
