import type { RunningApi } from './api-process.js';
import { DEV_ACTOR } from './auth.js';

export { DEV_ACTOR } from './auth.js';

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

/** Registers a carer of a project who accepted an invitation; returns the carer id. */
export async function participatingCarer(api: RunningApi, projectId: string, pseudonym = 'Carer 1'): Promise<string> {
  const send = async <T>(name: string, type: string, input: Record<string, unknown>) => {
    const response = await api.graphql<Record<string, T>>(
      `mutation M($input: ${type}!) { ${name}(input: $input) { id } }`,
      { input },
      DEV_ACTOR,
    );
    if (response.errors) throw new Error(`${name} failed: ${JSON.stringify(response.errors)}`);
    return response.data![name]!;
  };
  const { id: carerId } = await send<{ id: string }>('registerCarer', 'RegisterCarerInput', {
    projectId,
    pseudonym,
    registeredByOrganisationId: 'org-home-care',
    gender: 'female',
    ageBand: 'aged_55_64',
    stressLevel: 'medium',
    relationship: 'child',
  });
  const { id: invitationId } = await send<{ id: string }>('inviteCarer', 'InviteCarerInput', {
    carerId,
    channel: 'provider',
    invitedByOrganisationId: 'org-home-care',
  });
  await send('acceptCarerInvitation', 'AnswerCarerInvitationInput', { carerId, invitationId });
  return carerId;
}
