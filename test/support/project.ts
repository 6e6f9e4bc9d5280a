import { expect } from '@jest/globals';
import { valleyPilot } from '#read-models/testing';
import type { RunningApi } from './api-process.js';
import { DEV_ACTOR } from './auth.js';

export { DEV_ACTOR } from './auth.js';

/** Launches the valley pilot with a known id, for tests of what attaches to a project. */
export async function launchProject(api: RunningApi, projectId: string): Promise<void> {
  const response = await api.graphql(
    `mutation L($input: LaunchProjectInput!) { launchProject(input: $input) { id } }`,
    { input: valleyPilot(projectId) },
    DEV_ACTOR,
  );
  if (response.errors) throw new Error(`launchProject failed: ${JSON.stringify(response.errors)}`);
}

/**
 * Registers a carer of a project (a spouse aged 65 to 74, under high stress), checking the
 * mutation succeeded; returns the carer's id and the write's consistency token.
 */
export async function registerCarer(
  api: RunningApi,
  projectId: string,
  pseudonym = 'Carer 1',
): Promise<{ id: string; position: string }> {
  const response = await api.graphql<{ registerCarer: { id: string; position: string } }>(
    `mutation M($input: RegisterCarerInput!) { registerCarer(input: $input) { id position } }`,
    {
      input: {
        projectId,
        pseudonym,
        registeredByOrganisationId: 'org-home-care',
        gender: 'female',
        ageBand: 'aged_65_74',
        stressLevel: 'high',
        relationship: 'spouse',
      },
    },
    DEV_ACTOR,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.registerCarer;
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

/** The training course most tests schedule: moving a bedridden person safely, at the town hall on 1 March 2025. */
export function trainingCourse(projectId: string) {
  return {
    projectId,
    kind: 'training_course',
    topic: 'Moving a bedridden person safely',
    scheduledFor: '2025-03-01T15:00:00.000Z',
    place: 'Town hall, room 2',
    facilitatorMemberId: 'm-nurse-1',
    organisingOrganisationId: 'org-home-care',
  };
}

/** The peer meeting the privacy tests hold: sharing the load, at the library on 4 March 2025. */
export function peerMeeting(projectId: string) {
  return {
    projectId,
    kind: 'peer_meeting',
    topic: 'Sharing the load',
    place: 'Library',
    scheduledFor: '2025-03-04T15:00:00.000Z',
    organisingOrganisationId: 'org-home-care',
  };
}

/**
 * Schedules (on 20 February) and holds the training course of 5 March 2025, entered after the
 * fact with `occurredAt`, through the test's own `mutate`; returns the activity's id.
 */
export async function heldCourseOf5March(
  mutate: (name: string, input: Record<string, unknown>) => Promise<{ id: string }>,
  projectId: string,
): Promise<string> {
  const course = await mutate('scheduleActivity', {
    projectId,
    kind: 'training_course',
    topic: 'Moving a bedridden person safely',
    scheduledFor: '2025-03-05T15:00:00.000Z',
    place: 'Town hall',
    organisingOrganisationId: 'org-home-care',
    occurredAt: '2025-02-20T09:00:00.000Z',
  });
  await mutate('holdActivity', {
    activityId: course.id,
    startedAt: '2025-03-05T15:05:00.000Z',
    durationMinutes: 90,
    audioRecorded: false,
    occurredAt: '2025-03-05T15:05:00.000Z',
  });
  return course.id;
}

/** The registration of the pilot's carer number `number`, entered after the fact as of 1 February 2025. */
export function carerRegisteredOn1February(projectId: string, carerId: string, number: number) {
  return {
    carerId,
    projectId,
    pseudonym: `Carer ${number}`,
    registeredByOrganisationId: 'org-home-care',
    gender: 'female',
    ageBand: 'aged_55_64',
    stressLevel: 'high',
    relationship: 'child',
    occurredAt: '2025-02-01T09:00:00.000Z',
  };
}
