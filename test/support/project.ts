import type { RunningApi } from './api-process.js';

export const DEV_ACTOR = { 'x-dev-actor': 'coordinator-1;provider;org-home-care' };

/** Launches a project with a known id, for tests of what attaches to a project. */
export async function launchProject(api: RunningApi, projectId: string): Promise<void> {
  const response = await api.graphql(
    `mutation L($input: LaunchProjectInput!) { launchProject(input: $input) { id } }`,
    {
      input: {
        projectId,
        territoryId: 'valley',
        name: 'Valley pilot',
        eligibleCarers: 320,
        pilotMonths: 18,
        startsOn: '2025-01-01',
        targets: {
          reachShare: 0.33,
          trainingCoursesPerMonth: 1,
          peerMeetingsPerMonth: 1,
          committeeEveryMonths: 4,
          satisfactionThreshold: 0.75,
          understandingThreshold: 0.75,
        },
      },
    },
    DEV_ACTOR,
  );
  if (response.errors) throw new Error(`launchProject failed: ${JSON.stringify(response.errors)}`);
}
