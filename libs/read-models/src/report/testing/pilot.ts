import { fact, type HistoryEvent } from './harness.js';

/** Builders for hand-made pilot histories (dates: ISO day = noon UTC, or a full date-time). */
export const TARGETS = {
  reachShare: 0.5,
  trainingCoursesPerMonth: 1,
  peerMeetingsPerMonth: 1,
  committeeEveryMonths: 2,
  satisfactionThreshold: 0.75,
  understandingThreshold: 0.7,
};

export function pilot(projectId: string) {
  const launch = (at: string, options: { eligibleCarers?: number; pilotMonths?: number; startsOn?: string } = {}) =>
    fact(
      'ProjectLaunched',
      {
        projectId,
        programmeId: null,
        territoryId: 'valley',
        name: projectId,
        eligibleCarers: options.eligibleCarers ?? 30,
        pilotMonths: options.pilotMonths ?? 4,
        startsOn: options.startsOn ?? '2025-01-01',
        targets: TARGETS,
      },
      at,
    );
  const revise = (at: string, targets: Partial<typeof TARGETS>) =>
    fact('ProjectTargetsRevised', { projectId, targets: { ...TARGETS, ...targets }, reason: 'revised' }, at);
  const extend = (at: string, additionalMonths: number, pilotMonths: number) =>
    fact('PilotExtended', { projectId, additionalMonths, pilotMonths, reason: 'later start' }, at);
  const schedule = (activityId: string, kind: string, at: string) =>
    fact(
      'ActivityScheduled',
      {
        activityId,
        projectId,
        kind,
        topic: 't',
        scheduledFor: `${at.slice(0, 10)}T15:00:00.000Z`,
        place: 'hall',
        facilitatorMemberId: null,
        organisingOrganisationId: 'org-a',
      },
      at,
    );
  const held = (activityId: string, at: string) =>
    fact(
      'ActivityHeld',
      {
        activityId,
        projectId,
        startedAt: `${at.slice(0, 10)}T15:00:00.000Z`,
        durationMinutes: 90,
        audioRecorded: false,
      },
      at,
    );
  const cancelled = (activityId: string, at: string, carersConsulted = false) =>
    fact(
      'ActivityCancelled',
      {
        activityId,
        projectId,
        reason: 'expected_low_turnout',
        note: null,
        decidedByOrganisationId: 'org-a',
        decidedByRole: 'provider',
        carersConsulted,
      },
      at,
    );
  const attended = (activityId: string, carerIds: readonly string[], at: string): HistoryEvent[] =>
    carerIds.map((carerId) => fact('CarerAttendedActivity', { activityId, projectId, carerId }, at));
  const quiz = (activityId: string, carerId: string, phase: 'before' | 'after', correct: number, at: string) =>
    fact(
      'UnderstandingQuizAnswered',
      { activityId, projectId, carerId, phase, questionsAsked: 3, correctAnswers: correct },
      at,
    );
  const survey = (
    activityId: string,
    carerId: string | null,
    instrumentId: string,
    scaleMax: number,
    answers: number[],
    at: string,
  ) =>
    fact(
      'SatisfactionSurveyAnswered',
      {
        activityId,
        projectId,
        carerId,
        instrumentId,
        itemIds: answers.map((_, index) => `item-${index + 1}`),
        scaleMin: 1,
        scaleMax,
        answers,
      },
      at,
    );
  const goal = (goalId: string, at: string) =>
    fact('CommitteeGoalDefined', { projectId, goalId, description: `Goal ${goalId}` }, at);
  const assess = (goalId: string, outcome: string, at: string) =>
    fact('CommitteeGoalAssessed', { projectId, goalId, outcome, note: null }, at);
  const reassess = (goalId: string, previousOutcome: string, outcome: string, at: string) =>
    fact('CommitteeGoalReassessed', { projectId, goalId, previousOutcome, outcome, note: null, reason: 'r' }, at);
  const selfOrganising = (at: string) => fact('CommitteeBecameSelfOrganising', { projectId, note: null }, at);
  const channel = (channelId: string, kind: string, at: string) =>
    fact('InformationChannelRegistered', { channelId, projectId, kind, name: `Channel ${channelId}` }, at);
  const reading = (
    channelId: string,
    period: [string, string],
    counters: Partial<Record<'likes' | 'visits' | 'downloads' | 'shares', number>>,
    at: string,
  ) =>
    fact(
      'ChannelReadingRecorded',
      {
        channelId,
        projectId,
        periodStart: `${period[0]}T00:00:00.000Z`,
        periodEnd: `${period[1]}T00:00:00.000Z`,
        likes: counters.likes ?? null,
        visits: counters.visits ?? null,
        downloads: counters.downloads ?? null,
        shares: counters.shares ?? null,
      },
      at,
    );
  const retired = (channelId: string, at: string) =>
    fact('InformationChannelRetired', { channelId, projectId, reason: null }, at);
  const patient = (channelId: string, patientRef: string, at: string) =>
    fact(
      'NewPatientInformed',
      { channelId, projectId, providerOrganisationId: 'org-a', patientRef, informedOn: at },
      at,
    );
  return {
    launch,
    revise,
    extend,
    schedule,
    held,
    cancelled,
    attended,
    quiz,
    survey,
    goal,
    assess,
    reassess,
    selfOrganising,
    channel,
    reading,
    retired,
    patient,
  };
}

export const instrument = (instrumentId: string, measures: string, maximum: number, at: string) =>
  fact(
    'SurveyInstrumentRegistered',
    {
      instrumentId,
      name: instrumentId,
      description: null,
      measures,
      itemCount: 3,
      scale: { minimum: 1, maximum, labels: null },
    },
    at,
    `survey-instrument-${instrumentId}`,
  );
