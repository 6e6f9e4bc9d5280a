import { fact, type HistoryEvent } from '../../testing/index.js';

/** Small builders for hand-made histories of the warnings specs. `at` is when it happened (date or date-time). */

/** Targets that raise no target warning: nothing to reach, no cadence. */
export const QUIET_TARGETS = {
  reachShare: 0,
  trainingCoursesPerMonth: 0,
  peerMeetingsPerMonth: 0,
  committeeEveryMonths: 0,
  satisfactionThreshold: 0.75,
  understandingThreshold: 0.75,
};

export function launch(
  projectId: string,
  at: string,
  options: {
    territoryId?: string;
    startsOn?: string;
    pilotMonths?: number;
    eligibleCarers?: number;
    targets?: Partial<typeof QUIET_TARGETS>;
  } = {},
): HistoryEvent {
  return fact(
    'ProjectLaunched',
    {
      projectId,
      programmeId: null,
      territoryId: options.territoryId ?? 'valley',
      name: `Project ${projectId}`,
      eligibleCarers: options.eligibleCarers ?? 20,
      pilotMonths: options.pilotMonths ?? 12,
      startsOn: options.startsOn ?? '2025-01-01',
      targets: { ...QUIET_TARGETS, ...options.targets },
    },
    at,
  );
}

export const schedule = (
  projectId: string,
  activityId: string,
  scheduledFor: string,
  at: string,
  kind = 'peer_meeting',
) =>
  fact(
    'ActivityScheduled',
    {
      activityId,
      projectId,
      kind,
      topic: 'Sharing fears',
      scheduledFor,
      place: 'Town hall',
      facilitatorMemberId: null,
      organisingOrganisationId: 'org-home-care',
    },
    at,
  );

export const reschedule = (projectId: string, activityId: string, scheduledFor: string, previous: string, at: string) =>
  fact(
    'ActivityRescheduled',
    {
      activityId,
      projectId,
      scheduledFor,
      place: 'Town hall',
      previousScheduledFor: previous,
      previousPlace: 'Town hall',
      reason: 'room',
    },
    at,
  );

export const cancel = (projectId: string, activityId: string, at: string, carersConsulted: boolean) =>
  fact(
    'ActivityCancelled',
    {
      activityId,
      projectId,
      reason: 'expected_low_turnout',
      note: null,
      decidedByOrganisationId: 'org-home-care',
      decidedByRole: 'provider',
      carersConsulted,
    },
    at,
  );

/** A cancellation stored at schema version 1 (upcast: consultation unknown, null). */
export function cancelV1(projectId: string, activityId: string, at: string): HistoryEvent {
  const history = fact('ActivityCancelled', { activityId, projectId, reason: 'Expected low turnout' }, at);
  return { ...history, event: { ...history.event, schemaVersion: 1 } };
}

export const hold = (projectId: string, activityId: string, at: string) =>
  fact(
    'ActivityHeld',
    {
      activityId,
      projectId,
      startedAt: at.length === 10 ? `${at}T12:00:00.000Z` : at,
      durationMinutes: 90,
      audioRecorded: false,
    },
    at,
  );

export const attend = (projectId: string, activityId: string, carerId: string, at: string) =>
  fact('CarerAttendedActivity', { activityId, projectId, carerId }, at);

export const decide = (
  projectId: string,
  decisionId: string,
  at: string,
  options: { affectsCarers: boolean; carersConsulted: boolean; activityIds?: string[] },
) =>
  fact(
    'DecisionTaken',
    {
      decisionId,
      projectId,
      description: 'A decision',
      decidedByOrganisationId: 'org-home-care',
      decidedByRole: 'provider',
      affectsCarers: options.affectsCarers,
      carersConsulted: options.carersConsulted,
      activityIds: options.activityIds ?? [],
    },
    at,
  );

export const revise = (projectId: string, decisionId: string, at: string, carersConsulted: boolean) =>
  fact('DecisionRevised', { decisionId, projectId, description: 'Revised', carersConsulted, reason: 'workshop' }, at);

export const observeBarrier = (projectId: string, barrierId: string, at: string, code = 'lack_of_trust') =>
  fact(
    'BarrierObserved',
    {
      barrierId,
      projectId,
      taxonomy: 'pilot_barriers',
      code,
      stage: 'during',
      level: 'citizen',
      inabilityKind: null,
      description: 'Refusals at first contact',
      basedOn: [],
      observedAt: at,
    },
    at,
  );

export const resolveBarrier = (projectId: string, barrierId: string, at: string) =>
  fact('BarrierResolved', { barrierId, projectId, resolution: 'word of mouth', resolvedAt: at }, at);

export const reopenBarrier = (projectId: string, barrierId: string, at: string) =>
  fact('BarrierReopened', { barrierId, projectId, reason: 'again', reopenedAt: at }, at);

/** Any event of the project: it only moves the project's clock. */
export const tick = (projectId: string, at: string) => fact('ProjectPhaseStarted', { projectId, phase: 'pilot' }, at);

export const survey = (projectId: string, answers: number[], at: string, scaleMax = 4) =>
  fact(
    'SatisfactionSurveyAnswered',
    {
      activityId: 'survey-activity',
      projectId,
      carerId: null,
      instrumentId: 'peer-4pt',
      itemIds: answers.map((_, i) => `item-${i}`),
      scaleMin: 1,
      scaleMax,
      answers,
    },
    at,
  );

export const quiz = (projectId: string, correctAnswers: number, at: string, phase: 'before' | 'after' = 'after') =>
  fact(
    'UnderstandingQuizAnswered',
    { activityId: 'course', projectId, carerId: 'c1', phase, questionsAsked: 3, correctAnswers },
    at,
  );

export const accepted = (projectId: string, carerId: string, channel: string, at: string) =>
  fact('CarerInvitationAccepted', { projectId, carerId, invitationId: `inv-${carerId}`, channel }, at);

export const declined = (projectId: string, carerId: string, reason: string, at: string) =>
  fact(
    'CarerInvitationDeclined',
    { projectId, carerId, invitationId: `inv-${carerId}`, channel: 'provider', reason, note: null },
    at,
  );

export const contestDecision = (projectId: string, decisionId: string, at: string, carerId: string | null = null) =>
  fact(
    'DecisionContested',
    { decisionId, projectId, contestedByRole: 'carer', contestedByCarerId: carerId, grounds: 'Nobody asked us' },
    at,
  );

export const contestDecisionAsPartner = (projectId: string, decisionId: string, at: string) =>
  fact(
    'DecisionContested',
    { decisionId, projectId, contestedByRole: 'researcher', contestedByCarerId: null, grounds: 'Out of protocol' },
    at,
  );

export const contestCancellation = (projectId: string, activityId: string, at: string) =>
  fact(
    'ActivityCancellationContested',
    { activityId, projectId, contestedByRole: 'carer', contestedByCarerId: null, grounds: 'We wanted to come' },
    at,
  );

export const planMeeting = (projectId: string, meetingId: string, scheduledFor: string, at: string) =>
  fact(
    'CoordinationMeetingPlanned',
    { projectId, meetingId, scheduledFor, format: 'video_call', cadence: 'monthly' },
    at,
  );

export const rescheduleMeeting = (projectId: string, meetingId: string, scheduledFor: string, at: string) =>
  fact(
    'CoordinationMeetingRescheduled',
    { projectId, meetingId, previouslyScheduledFor: at, scheduledFor, format: 'video_call', reason: null },
    at,
  );

export const holdMeeting = (projectId: string, meetingId: string, at: string) =>
  fact(
    'CoordinationMeetingHeld',
    {
      projectId,
      meetingId,
      format: 'video_call',
      attendingOrganisationIds: ['org-home-care', 'org-university'],
      attendingMemberIds: [],
      durationMinutes: 60,
    },
    at,
  );

export const missMeeting = (projectId: string, meetingId: string, at: string) =>
  fact('CoordinationMeetingMissed', { projectId, meetingId, reason: 'nobody available' }, at);

export const joinPartnership = (projectId: string, organisationId: string, at: string) =>
  fact('OrganisationJoinedPartnership', { projectId, organisationId, partnerRole: 'research_partner' }, at);

export const leavePartnership = (projectId: string, organisationId: string, at: string) =>
  fact('OrganisationLeftPartnership', { projectId, organisationId, reason: null }, at);

export const clarifyRoles = (projectId: string, organisationId: string, at: string) =>
  fact('PartnerRolesClarified', { projectId, organisationId, responsibilities: ['evaluation'] }, at);

export const findRolesUnclear = (projectId: string, organisationId: string, at: string) =>
  fact('PartnerRolesFoundUnclear', { projectId, organisationId, note: 'who runs the evaluation?' }, at);

export const suggest = (projectId: string, suggestionId: string, at: string, role = 'carer') =>
  fact(
    'SuggestionMade',
    {
      suggestionId,
      projectId,
      suggestedByRole: role,
      carerId: role === 'carer' ? 'carer-1' : null,
      organisationId: role === 'carer' ? null : 'org-home-care',
      description: 'A spot on the local TV',
      topic: 'information',
    },
    at,
  );

export const declineSuggestion = (
  projectId: string,
  suggestionId: string,
  at: string,
  reason = 'not_feasible_budget',
) => fact('SuggestionDeclined', { suggestionId, projectId, reason, note: 'no budget for it' }, at);

/** An invitation to a carer (its id `inv-<carerId>`, as `accepted` and `declined` answer it). */
export const invite = (projectId: string, carerId: string, at: string, channel = 'provider') =>
  fact(
    'CarerInvited',
    {
      carerId,
      projectId,
      invitationId: `inv-${carerId}`,
      channel,
      invitedByOrganisationId: 'org-home-care',
      referredByCarerId: null,
      invitationNumber: 1,
    },
    at,
  );

export const raiseConcern = (projectId: string, concernId: string, at: string, category = 'meeting_format') =>
  fact(
    'CoordinationConcernRaised',
    { projectId, concernId, raisedByOrganisationId: 'org-university', topic: 'Video calls leave us out', category },
    at,
  );

export const resolveConcern = (projectId: string, concernId: string, at: string) =>
  fact('CoordinationConcernResolved', { projectId, concernId, resolution: 'Every other meeting in person' }, at);

export const makeRequest = (projectId: string, requestId: string, at: string, category = 'substitute_care_hours') =>
  fact(
    'CarerRequestMade',
    { requestId, projectId, carerId: 'carer-1', category, description: 'Four hours on Thursday mornings' },
    at,
  );

export const meetRequest = (projectId: string, requestId: string, at: string) =>
  fact('CarerRequestMet', { requestId, projectId, note: null }, at);

export const declineRequest = (
  projectId: string,
  requestId: string,
  at: string,
  cannotMeetBecause: 'impossibility' | 'inability',
) =>
  fact(
    'CarerRequestDeclined',
    { requestId, projectId, cannotMeetBecause, explanation: 'The substitute care budget is fixed for the year' },
    at,
  );
