import type {
  ActivityKind,
  ChannelCounter,
  ChannelReadingKind,
  CommitteeGoalOutcome,
  InformationChannelKind,
  SurveyInstrumentMeasure,
} from '#domain';
import { domainFact, type HistoryEvent } from './history-events.js';

/**
 * Builders for hand-made pilot histories, checked against the domain's event schemas. Dates: an
 * ISO day (noon UTC) or a full date-time.
 */
export const PILOT_TARGETS = {
  reachShare: 0.5,
  trainingCoursesPerMonth: 1,
  peerMeetingsPerMonth: 1,
  committeeEveryMonths: 2,
  satisfactionThreshold: 0.75,
  understandingThreshold: 0.7,
};

const afternoonOf = (at: string) => `${at.slice(0, 10)}T15:00:00.000Z`;

/** The project's launch, revisions and activities, and the committee's and channels' events. */
export function pilot(projectId: string) {
  const launch = (at: string, options: { eligibleCarers?: number; pilotMonths?: number; startsOn?: string } = {}) =>
    domainFact(
      'ProjectLaunched',
      {
        projectId,
        programmeId: null,
        territoryId: 'valley',
        name: projectId,
        eligibleCarers: options.eligibleCarers ?? 30,
        pilotMonths: options.pilotMonths ?? 4,
        startsOn: options.startsOn ?? '2025-01-01',
        targets: PILOT_TARGETS,
      },
      at,
    );
  const revise = (at: string, targets: Partial<typeof PILOT_TARGETS>) =>
    domainFact(
      'ProjectTargetsRevised',
      { projectId, targets: { ...PILOT_TARGETS, ...targets }, reason: 'revised' },
      at,
    );
  const extend = (at: string, additionalMonths: number, pilotMonths: number) =>
    domainFact('PilotExtended', { projectId, additionalMonths, pilotMonths, reason: 'later start' }, at);
  const schedule = (activityId: string, kind: ActivityKind, at: string) =>
    domainFact(
      'ActivityScheduled',
      {
        activityId,
        projectId,
        kind,
        topic: 't',
        scheduledFor: afternoonOf(at),
        place: 'hall',
        facilitatorMemberId: null,
        organisingOrganisationId: 'org-a',
      },
      at,
    );
  const held = (activityId: string, at: string) =>
    domainFact(
      'ActivityHeld',
      { activityId, projectId, startedAt: afternoonOf(at), durationMinutes: 90, audioRecorded: false },
      at,
    );
  const cancelled = (activityId: string, at: string, carersConsulted = false) =>
    domainFact(
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
    carerIds.map((carerId) => domainFact('CarerAttendedActivity', { activityId, projectId, carerId }, at));
  const quiz = (activityId: string, carerId: string, phase: 'before' | 'after', correct: number, at: string) =>
    domainFact(
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
    domainFact(
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
    domainFact('CommitteeGoalDefined', { projectId, goalId, description: `Goal ${goalId}` }, at);
  const assess = (goalId: string, outcome: CommitteeGoalOutcome, at: string) =>
    domainFact('CommitteeGoalAssessed', { projectId, goalId, outcome, note: null }, at);
  const reassess = (goalId: string, previousOutcome: CommitteeGoalOutcome, outcome: CommitteeGoalOutcome, at: string) =>
    domainFact('CommitteeGoalReassessed', { projectId, goalId, previousOutcome, outcome, note: null, reason: 'r' }, at);
  const selfOrganising = (at: string) => domainFact('CommitteeBecameSelfOrganising', { projectId, note: null }, at);
  const channel = (channelId: string, kind: InformationChannelKind, at: string) =>
    domainFact('InformationChannelRegistered', { channelId, projectId, kind, name: `Channel ${channelId}` }, at);
  const reading = (
    channelId: string,
    period: [string, string],
    counters: Partial<Record<ChannelCounter, number>>,
    at: string,
    readingKind: ChannelReadingKind = 'increment',
  ) =>
    domainFact(
      'ChannelReadingRecorded',
      {
        channelId,
        projectId,
        periodStart: `${period[0]}T00:00:00.000Z`,
        periodEnd: `${period[1]}T00:00:00.000Z`,
        readingKind,
        likes: counters.likes ?? null,
        visits: counters.visits ?? null,
        downloads: counters.downloads ?? null,
        shares: counters.shares ?? null,
      },
      at,
    );
  const patientsChecked = (channelId: string, period: [string, string], at: string) =>
    domainFact(
      'NewPatientsChecked',
      { channelId, projectId, periodStart: `${period[0]}T00:00:00.000Z`, periodEnd: `${period[1]}T00:00:00.000Z` },
      at,
    );
  const retired = (channelId: string, at: string) =>
    domainFact('InformationChannelRetired', { channelId, projectId, reason: null }, at);
  const patient = (channelId: string, patientRef: string, at: string) =>
    domainFact(
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
    patientsChecked,
  };
}

/** A survey instrument (it belongs to no project: its own stream). */
export const instrument = (instrumentId: string, measures: SurveyInstrumentMeasure, maximum: number, at: string) =>
  domainFact(
    'SurveyInstrumentRegistered',
    {
      instrumentId,
      name: instrumentId,
      description: null,
      measures,
      itemCount: 3,
      scale: { minimum: 1, maximum, labels: null },
      respondents: 'carers',
      items: null,
    },
    at,
    `survey-instrument-${instrumentId}`,
  );
