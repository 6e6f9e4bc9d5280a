import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { suiteApi } from './support/suite-api.js';
import { DEV_ACTOR, launchProject, participatingCarer } from './support/project.js';

/**
 * The follow-up commands of carers, partnerships, projects and activities: each reached over
 * HTTP with its happy path and the refusal its invariant guarantees.
 */
describe('follow-up commands over GraphQL', () => {
  const projectId = randomUUID();
  const api = suiteApi('lifecycle-e2e', { setUp: (api) => launchProject(api, projectId) });

  async function call(name: string, inputType: string, input: Record<string, unknown>) {
    const response = await api.graphql<Record<string, { id: string; revision: number }>>(
      `mutation M($input: ${inputType}!) { ${name}(input: $input) { id revision } }`,
      { input },
      DEV_ACTOR,
    );
    return { result: response.data?.[name], error: response.errors?.[0]?.extensions };
  }

  async function ok(name: string, inputType: string, input: Record<string, unknown>) {
    const { result, error } = await call(name, inputType, input);
    expect(error).toBeUndefined();
    return result!;
  }

  it('revises project targets, refusing a share above 1', async () => {
    const targets = {
      reachShare: 0.4,
      trainingCoursesPerMonth: 1,
      peerMeetingsPerMonth: 2,
      committeeEveryMonths: 4,
      satisfactionThreshold: 0.75,
      understandingThreshold: 0.8,
    };
    const revised = await ok('reviseProjectTargets', 'ReviseProjectTargetsInput', {
      projectId,
      targets,
      reason: 'more peer meetings',
    });
    expect(revised.revision).toBe(1);
    const refused = await call('reviseProjectTargets', 'ReviseProjectTargetsInput', {
      projectId,
      targets: { ...targets, reachShare: 1.2 },
      reason: 'typo',
    });
    expect(refused.error?.code).toBe('BAD_USER_INPUT');
  });

  it('records unclear roles, reschedules a coordination meeting and removes a member once', async () => {
    await ok('registerOrganisation', 'RegisterOrganisationInput', {
      organisationId: 'org-home-care',
      kind: 'service_provider',
      name: 'Valley home care',
    });
    await ok('joinPartnership', 'JoinPartnershipInput', {
      projectId,
      organisationId: 'org-home-care',
      partnerRole: 'service_provider',
    });
    await ok('addPartnerMember', 'AddPartnerMemberInput', {
      projectId,
      organisationId: 'org-home-care',
      memberId: 'm-lc-1',
      memberRole: 'coordinator',
    });
    const unclear = await ok('recordUnclearPartnerRoles', 'RecordUnclearPartnerRolesInput', {
      projectId,
      organisationId: 'org-home-care',
      note: 'who books the rooms is not settled',
    });
    expect(unclear.revision).toBe(2);
    await ok('planCoordinationMeeting', 'PlanCoordinationMeetingInput', {
      projectId,
      meetingId: 'meet-1',
      scheduledFor: '2030-02-01T09:00:00.000Z',
      format: 'video_call',
    });
    const moved = await ok('rescheduleCoordinationMeeting', 'RescheduleCoordinationMeetingInput', {
      projectId,
      meetingId: 'meet-1',
      scheduledFor: '2030-02-08T09:00:00.000Z',
      reason: 'university exams',
    });
    expect(moved.revision).toBe(4);
    const removed = await ok('removePartnerMember', 'RemovePartnerMemberInput', { projectId, memberId: 'm-lc-1' });
    expect(removed.revision).toBe(5);
    const again = await call('removePartnerMember', 'RemovePartnerMemberInput', { projectId, memberId: 'm-lc-1' });
    expect(again.error).toMatchObject({ code: 'NOT_FOUND', reason: 'MEMBER_NOT_FOUND' });
  });

  it('follows a carer through consent, a declined and an accepted invitation, and withdrawal', async () => {
    const carer = await ok('registerCarer', 'RegisterCarerInput', {
      projectId,
      pseudonym: 'Carer 21',
      registeredByOrganisationId: 'org-home-care',
      gender: 'male',
      ageBand: 'aged_75_plus',
      stressLevel: 'medium',
      relationship: 'spouse',
      personalData: { fullName: 'Ottavio Bresadola' },
    });
    const carerId = carer.id;
    expect(
      (
        await ok('updateCarerPersonalData', 'UpdateCarerPersonalDataInput', {
          carerId,
          personalData: { fullName: 'Ottavio Bresadola', phone: '+39 0342 111 222' },
        })
      ).revision,
    ).toBe(1);
    await ok('giveCarerConsent', 'CarerConsentInput', { carerId, kind: 'participation' });
    await ok('withdrawCarerConsent', 'CarerConsentInput', { carerId, kind: 'participation' });
    const notGiven = await call('withdrawCarerConsent', 'CarerConsentInput', { carerId, kind: 'participation' });
    expect(notGiven.error).toMatchObject({ code: 'CONFLICT', reason: 'CONSENT_NOT_GIVEN' });

    const first = await ok('inviteCarer', 'InviteCarerInput', {
      carerId,
      channel: 'provider',
      invitedByOrganisationId: 'org-home-care',
    });
    const declined = await ok('declineCarerInvitation', 'DeclineCarerInvitationInput', {
      carerId,
      invitationId: first.id,
      reason: 'no_substitute_carer',
    });
    expect(declined.revision).toBe(5);
    const twice = await call('declineCarerInvitation', 'DeclineCarerInvitationInput', {
      carerId,
      invitationId: first.id,
      reason: 'mistrust',
    });
    expect(twice.error).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_ALREADY_ANSWERED' });

    const second = await ok('inviteCarer', 'InviteCarerInput', {
      carerId,
      channel: 'word_of_mouth',
      invitedByOrganisationId: 'org-home-care',
    });
    await ok('acceptCarerInvitation', 'AnswerCarerInvitationInput', { carerId, invitationId: second.id });
    const withdrawn = await ok('withdrawCarerFromProject', 'WithdrawCarerInput', { carerId, reason: 'patient_death' });
    expect(withdrawn.revision).toBe(8);
    const again = await call('withdrawCarerFromProject', 'WithdrawCarerInput', { carerId, reason: 'unknown' });
    expect(again.error).toMatchObject({ code: 'CONFLICT', reason: 'CARER_ALREADY_WITHDRAWN' });
  });

  it('cancels an activity registration and records a partner representative once', async () => {
    const carerId = await participatingCarer(api, projectId, 'Carer 30');
    const activity = await ok('scheduleActivity', 'ScheduleActivityInput', {
      projectId,
      kind: 'peer_meeting',
      topic: 'Sharing fears',
      scheduledFor: '2025-05-10T15:00:00.000Z',
      place: 'Parish hall',
      organisingOrganisationId: 'org-home-care',
    });
    const activityId = activity.id;
    await ok('registerCarerForActivity', 'RegisterCarerForActivityInput', { activityId, carerId });
    const cancelled = await ok('cancelActivityRegistration', 'CancelActivityRegistrationInput', {
      activityId,
      carerId,
    });
    expect(cancelled.revision).toBe(2);
    const notRegistered = await call('cancelActivityRegistration', 'CancelActivityRegistrationInput', {
      activityId,
      carerId,
    });
    expect(notRegistered.error).toMatchObject({ code: 'CONFLICT', reason: 'CARER_NOT_REGISTERED' });

    await ok('holdActivity', 'HoldActivityInput', {
      activityId,
      startedAt: '2025-05-10T15:05:00.000Z',
      audioRecorded: false,
    });
    const partner = { activityId, organisationId: 'org-home-care', memberId: 'm-psychologist-1' };
    expect((await ok('recordPartnerAttendance', 'RecordPartnerAttendanceInput', partner)).revision).toBe(4);
    const twice = await call('recordPartnerAttendance', 'RecordPartnerAttendanceInput', partner);
    expect(twice.error).toMatchObject({ code: 'CONFLICT', reason: 'ATTENDANCE_ALREADY_RECORDED' });
  });

  it('counts only carers of the project who have not withdrawn, and records audio only with consent', async () => {
    const schedule = (kind: string) =>
      ok('scheduleActivity', 'ScheduleActivityInput', {
        projectId,
        kind,
        topic: 'Evaluating the pilot',
        scheduledFor: '2025-06-10T15:00:00.000Z',
        place: 'Parish hall',
        organisingOrganisationId: 'org-home-care',
      });
    const { id: meeting } = await schedule('peer_meeting');
    await ok('holdActivity', 'HoldActivityInput', {
      activityId: meeting,
      startedAt: '2025-06-10T15:00:00.000Z',
      audioRecorded: false,
    });
    const stranger = await call('recordCarerAttendance', 'RecordCarerAttendanceInput', {
      activityId: meeting,
      carerId: randomUUID(),
    });
    expect(stranger.error).toMatchObject({ code: 'NOT_FOUND', reason: 'CARER_NOT_FOUND' });

    const otherProject = randomUUID();
    await launchProject(api, otherProject);
    const elsewhere = await participatingCarer(api, otherProject, 'Carer 77');
    const foreign = await call('recordCarerAttendance', 'RecordCarerAttendanceInput', {
      activityId: meeting,
      carerId: elsewhere,
    });
    expect(foreign.error).toMatchObject({ code: 'CONFLICT', reason: 'CARER_OF_ANOTHER_PROJECT' });

    const leaving = await participatingCarer(api, projectId, 'Carer 31');
    await ok('withdrawCarerFromProject', 'WithdrawCarerInput', { carerId: leaving, reason: 'lack_of_time' });
    const withdrawn = await call('recordCarerAttendance', 'RecordCarerAttendanceInput', {
      activityId: meeting,
      carerId: leaving,
    });
    expect(withdrawn.error).toMatchObject({ code: 'CONFLICT', reason: 'CARER_WITHDRAWN' });

    const { id: workshop } = await schedule('co_assessment_workshop');
    const consenting = await participatingCarer(api, projectId, 'Carer 32');
    const silent = await participatingCarer(api, projectId, 'Carer 33');
    await ok('giveCarerConsent', 'CarerConsentInput', { carerId: consenting, kind: 'audio_recording' });
    await ok('registerCarerForActivity', 'RegisterCarerForActivityInput', {
      activityId: workshop,
      carerId: consenting,
    });
    await ok('registerCarerForActivity', 'RegisterCarerForActivityInput', { activityId: workshop, carerId: silent });
    const hold = { activityId: workshop, startedAt: '2025-06-10T15:00:00.000Z', audioRecorded: true };
    const refused = await call('holdActivity', 'HoldActivityInput', hold);
    expect(refused.error).toMatchObject({ code: 'CONFLICT', reason: 'AUDIO_CONSENT_MISSING' });
    await ok('giveCarerConsent', 'CarerConsentInput', { carerId: silent, kind: 'audio_recording' });
    expect((await ok('holdActivity', 'HoldActivityInput', hold)).revision).toBe(3);
  });

  it('answers a retried command id with its first result even when the command could no longer run', async () => {
    const carerId = await participatingCarer(api, projectId, 'Carer 40');
    const update = { commandId: randomUUID(), carerId, personalData: { fullName: 'Ines Valtellina' } };
    const first = await ok('updateCarerPersonalData', 'UpdateCarerPersonalDataInput', update);
    await ok('eraseCarer', 'EraseCarerInput', { carerId, reason: 'erasure request' });
    // A fresh update is refused now that the key is gone; the retry of the one that succeeded is not.
    const fresh = await call('updateCarerPersonalData', 'UpdateCarerPersonalDataInput', {
      ...update,
      commandId: randomUUID(),
    });
    expect(fresh.error).toMatchObject({ code: 'CONFLICT', reason: 'CARER_ERASED' });
    expect(await ok('updateCarerPersonalData', 'UpdateCarerPersonalDataInput', update)).toEqual(first);

    const reused = await call('giveCarerConsent', 'CarerConsentInput', {
      commandId: update.commandId,
      carerId,
      kind: 'participation',
    });
    expect(reused.error).toMatchObject({ code: 'CONFLICT', reason: 'COMMAND_ID_REUSED' });
  });
});
