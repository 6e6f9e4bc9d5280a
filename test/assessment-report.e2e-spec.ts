import { DEV_ACTOR, heldCourseOf5March, carerRegisteredOn1February } from './support/project.js';
import { inputTypeOf, mutateOk } from './support/operations.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { suiteApi } from './support/suite-api.js';

const PROVIDER = DEV_ACTOR;

const PROJECT_ID = randomUUID();
const MARCH = { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' };

const TARGET = 'description value met outcome';
const SCORE = `average answered target { ${TARGET} }`;
const FIGURES = `held cancelled attendances averageAttendees distinctAttendees
  understanding { ${SCORE} } satisfaction { ${SCORE} }`;
const COUNTERS = 'readings likes visits downloads shares measured { likes visits downloads shares }';
const REPORT = `
  projectId window { from to } defaultWindow asOf knownAt pilotMonthsInWindow
  settings { startsOn pilotMonths pilotEnd eligibleCarers targets { reachShare trainingCoursesPerMonth
    peerMeetingsPerMonth committeeEveryMonths satisfactionThreshold understandingThreshold } }
  activities { kind ${FIGURES} target { ${TARGET} } }
  overall { ${FIGURES} }
  goals { total reached partiallyReached unfulfilled notAssessed
    goals { goalId description outcome assessedAt reassessed } selfOrganising { ${TARGET} } selfOrganisingSince }
  channels { channelId kind name retired newPatientsInformed newPatientsInformedMeasured readingKind measuredFrom
    measuredTo ${COUNTERS} }
  channelTotals { ${COUNTERS} }
  newPatientsInformed newPatientsInformedMeasured
  reach { distinctCarers eligible share target targetCarers met outcome }`;
const QUERY = `query R($projectId: ID!, $window: SignalWindowInput, $asOf: DateTime, $knownAt: DateTime, $atLeastPosition: String) {
  assessmentReport(projectId: $projectId, window: $window, asOf: $asOf, knownAt: $knownAt, atLeastPosition: $atLeastPosition) { ${REPORT} }
}`;

interface Target {
  description: string;
  value: number;
  met: boolean | null;
  outcome: string;
}
type Measured = Record<'likes' | 'visits' | 'downloads' | 'shares', boolean>;
interface Score {
  average: number | null;
  answered: number;
  target: Target | null;
}
interface Figures {
  held: number;
  cancelled: number;
  attendances: number;
  averageAttendees: number | null;
  distinctAttendees: number;
  understanding: Score;
  satisfaction: Score;
}
interface Report {
  window: { from: string; to: string } | null;
  defaultWindow: boolean;
  pilotMonthsInWindow: number;
  settings: { pilotMonths: number; targets: { reachShare: number } } | null;
  activities: Array<Figures & { kind: string; target: Target | null }>;
  overall: Figures;
  goals: {
    total: number;
    reached: number;
    notAssessed: number;
    goals: Array<{ goalId: string; outcome: string | null }>;
  };
  channels: Array<{
    channelId: string;
    kind: string;
    readings: number;
    visits: number | null;
    likes: number | null;
    measured: Measured;
    readingKind: string | null;
    newPatientsInformed: number;
    newPatientsInformedMeasured: boolean;
  }>;
  channelTotals: { readings: number; visits: number | null; downloads: number | null; measured: Measured };
  newPatientsInformed: number;
  newPatientsInformedMeasured: boolean;
  reach: {
    distinctCarers: number;
    eligible: number;
    targetCarers: number;
    met: boolean | null;
    outcome: string | null;
  };
}

describe('assessment report over GraphQL', () => {
  const api = suiteApi('assessment-report-e2e');
  let lastPosition = '';
  const carers = [randomUUID(), randomUUID(), randomUUID()];
  const instrumentId = `training-satisfaction-${randomUUID().slice(0, 8)}`;
  const channelId = randomUUID();
  const pageId = randomUUID();

  async function mutate(name: string, input: Record<string, unknown>) {
    const written = await mutateOk(api, name, input, PROVIDER);
    lastPosition = written.position;
    return written;
  }

  const report = (variables: Record<string, unknown>) =>
    api.graphql<{ assessmentReport: Report }>(QUERY, { projectId: PROJECT_ID, ...variables });
  const line = (value: Report, kind: string) => value.activities.find((l) => l.kind === kind)!;

  beforeAll(async () => {
    await mutate('launchProject', {
      projectId: PROJECT_ID,
      territoryId: 'valley',
      name: 'Report pilot',
      eligibleCarers: 8,
      pilotMonths: 6,
      startsOn: '2025-01-01',
      targets: {
        reachShare: 0.25,
        trainingCoursesPerMonth: 1,
        peerMeetingsPerMonth: 1,
        committeeEveryMonths: 3,
        satisfactionThreshold: 0.75,
        understandingThreshold: 0.75,
      },
      occurredAt: '2025-01-01T09:00:00.000Z',
    });
    for (const [index, carerId] of carers.entries()) {
      await mutate('registerCarer', carerRegisteredOn1February(PROJECT_ID, carerId, index + 1));
    }
    await mutate('registerSurveyInstrument', {
      instrumentId,
      name: 'Training satisfaction',
      measures: 'satisfaction',
      itemCount: 2,
      scale: { minimum: 1, maximum: 4 },
      occurredAt: '2025-01-02T09:00:00.000Z',
    });

    // A training course held on 5 March with two carers, their quizzes and surveys.
    const courseId = await heldCourseOf5March(mutate, PROJECT_ID);
    for (const [index, carerId] of carers.slice(0, 2).entries()) {
      await mutate('recordCarerAttendance', {
        activityId: courseId,
        carerId,
        occurredAt: '2025-03-05T17:00:00.000Z',
      });
      await mutate('recordUnderstandingQuiz', {
        activityId: courseId,
        carerId,
        phase: 'after',
        questionsAsked: 3,
        correctAnswers: 3 - index,
        occurredAt: '2025-03-05T17:10:00.000Z',
      });
      await mutate('recordSatisfactionResponse', {
        activityId: courseId,
        carerId,
        instrumentId,
        answers: index === 0 ? [4, 3] : [4, 4],
        occurredAt: '2025-03-05T17:20:00.000Z',
      });
    }

    // A peer meeting cancelled without asking the carers.
    const meeting = await mutate('scheduleActivity', {
      projectId: PROJECT_ID,
      kind: 'peer_meeting',
      topic: 'Sharing fears',
      scheduledFor: '2025-03-12T15:00:00.000Z',
      place: 'Parish room',
      organisingOrganisationId: 'org-home-care',
      occurredAt: '2025-02-25T09:00:00.000Z',
    });
    await mutate('cancelActivity', {
      activityId: meeting.id,
      reason: 'expected_low_turnout',
      decidedByOrganisationId: 'org-home-care',
      decidedByRole: 'provider',
      carersConsulted: false,
      occurredAt: '2025-03-10T09:00:00.000Z',
    });

    // Committee goals: one reached, one not yet assessed.
    for (const goalId of ['spokesperson', 'own-structure']) {
      await mutate('defineCommitteeGoal', {
        projectId: PROJECT_ID,
        goalId,
        description: `Goal ${goalId}`,
        occurredAt: '2025-03-15T09:00:00.000Z',
      });
    }
    await mutate('assessCommitteeGoal', {
      projectId: PROJECT_ID,
      goalId: 'spokesperson',
      outcome: 'reached',
      occurredAt: '2025-03-28T09:00:00.000Z',
    });

    // The website, its March reading and a new patient who heard of the service through it.
    await mutate('registerInformationChannel', {
      channelId,
      projectId: PROJECT_ID,
      kind: 'website',
      name: 'Project website',
      occurredAt: '2025-02-01T09:00:00.000Z',
    });
    await mutate('recordNewPatientInformed', {
      channelId,
      providerOrganisationId: 'org-home-care',
      patientRef: 'pt-0042',
      occurredAt: '2025-03-20T09:00:00.000Z',
    });
    await mutate('recordChannelReading', {
      channelId,
      periodStart: '2025-03-01T00:00:00.000Z',
      periodEnd: '2025-04-01T00:00:00.000Z',
      visits: 120,
      downloads: 7,
      occurredAt: '2025-04-02T09:00:00.000Z',
    });

    // The social page, read as running totals of its likes since 1 January: 40 by 1 March, still 40
    // by 1 April (March gained a measured 0); its new patients checked over March, none found.
    await mutate('registerInformationChannel', {
      channelId: pageId,
      projectId: PROJECT_ID,
      kind: 'social_media_page',
      name: 'Project page',
      occurredAt: '2025-02-01T10:00:00.000Z',
    });
    const total = (periodEnd: string, likes: number, occurredAt: string) => ({
      channelId: pageId,
      readingKind: 'running_total',
      periodStart: '2025-01-01T00:00:00.000Z',
      periodEnd,
      likes,
      occurredAt,
    });
    await mutate('recordChannelReading', total('2025-03-01T00:00:00.000Z', 40, '2025-03-02T09:00:00.000Z'));
    await mutate('recordChannelReading', total('2025-04-01T00:00:00.000Z', 40, '2025-04-02T08:00:00.000Z'));
    await mutate('recordNewPatientsChecked', {
      channelId: pageId,
      periodStart: '2025-03-01T00:00:00.000Z',
      periodEnd: '2025-04-01T00:00:00.000Z',
      occurredAt: '2025-04-02T08:30:00.000Z',
    });
  });

  it('reports March line by line against the targets, reading its own writes', async () => {
    const response = await report({ window: MARCH, atLeastPosition: lastPosition });
    expect(response.errors).toBeUndefined();
    const value = response.data!.assessmentReport;
    expect(value.window).toEqual(MARCH);
    expect(value.pilotMonthsInWindow).toBe(1);

    const training = line(value, 'training_course');
    // 1 held, 2 attendances. Quizzes 3/3 and 2/3 → 5/6; surveys (4/4 + 3/4) / 2 = 0.875 and 1 → 0.9375.
    expect(training).toMatchObject({
      held: 1,
      cancelled: 0,
      attendances: 2,
      averageAttendees: 2,
      distinctAttendees: 2,
    });
    expect(training.understanding.answered).toBe(2);
    expect(training.understanding.average).toBeCloseTo(5 / 6, 10);
    expect(training.understanding.target).toMatchObject({ value: 0.75, met: true });
    expect(training.satisfaction).toMatchObject({ average: 0.9375, answered: 2, target: { met: true } });
    // 1 course a month × 1 month: met.
    expect(training.target).toMatchObject({ value: 1, met: true });

    // The peer meeting was cancelled: 0 of 1 expected.
    expect(line(value, 'peer_meeting')).toMatchObject({ held: 0, cancelled: 1, target: { value: 1, met: false } });
    // A committee meeting every 3 months: 1/3 of a meeting in March, nothing whole to expect.
    expect(line(value, 'committee_meeting').target).toMatchObject({ value: 0, met: null, outcome: 'not_due' });
    // Nobody took a quiz at the peer meeting (cancelled): not measured, neither met nor missed.
    expect(line(value, 'peer_meeting').understanding.target).toMatchObject({ met: null, outcome: 'not_measured' });

    expect(value.goals).toMatchObject({ total: 2, reached: 1, notAssessed: 1 });
    // The website has no likes (not measured, null); the page's likes gained 40 − 40 = 0 (measured).
    expect(value.channels).toEqual([
      expect.objectContaining({
        channelId,
        kind: 'website',
        readings: 1,
        visits: 120,
        likes: null,
        measured: { likes: false, visits: true, downloads: true, shares: false },
        readingKind: 'increment',
        newPatientsInformed: 1,
        newPatientsInformedMeasured: true,
      }),
      expect.objectContaining({
        channelId: pageId,
        readings: 1,
        likes: 0,
        visits: null,
        measured: { likes: true, visits: false, downloads: false, shares: false },
        readingKind: 'running_total',
        newPatientsInformed: 0,
        newPatientsInformedMeasured: true,
      }),
    ]);
    expect(value.channelTotals).toMatchObject({
      readings: 2,
      visits: 120,
      downloads: 7,
      measured: { likes: true, visits: true, downloads: true, shares: false },
    });
    expect(value).toMatchObject({ newPatientsInformed: 1, newPatientsInformedMeasured: true });
    // 2 distinct carers of 8 eligible × 0.25 = 2: met.
    expect(value.reach).toMatchObject({ distinctCarers: 2, eligible: 8, targetCarers: 2, met: true, outcome: 'met' });
  });

  it('shows February, when nothing was read or checked, as not measured rather than 0', async () => {
    const response = await report({ window: { from: '2025-02-01T00:00:00.000Z', to: MARCH.from } });
    expect(response.errors).toBeUndefined();
    const value = response.data!.assessmentReport;
    // The page's first total (ending 1 March) counts in February: 40 likes since 1 January.
    expect(value.channels.find((c) => c.channelId === channelId)).toMatchObject({
      readings: 0,
      visits: null,
      measured: { likes: false, visits: false, downloads: false, shares: false },
      newPatientsInformedMeasured: false,
    });
    expect(value.channels.find((c) => c.channelId === pageId)).toMatchObject({ likes: 40, measured: { likes: true } });
    expect(value).toMatchObject({ newPatientsInformed: 0, newPatientsInformedMeasured: false });
  });

  it('refuses a running total lower than the last one, and a channel switching kinds, with typed errors', async () => {
    const refusal = async (input: Record<string, unknown>) =>
      (
        await api.graphql(
          `mutation M($input: ${inputTypeOf('recordChannelReading')}!) { recordChannelReading(input: $input) { id } }`,
          { input },
        )
      ).errors?.[0]?.extensions;
    const lower = { channelId: pageId, readingKind: 'running_total', periodStart: '2025-01-01T00:00:00.000Z' };
    expect(await refusal({ ...lower, periodEnd: '2025-04-05T00:00:00.000Z', likes: 39 })).toMatchObject({
      reason: 'RUNNING_TOTAL_DECREASED',
    });
    expect(
      await refusal({
        channelId: pageId,
        periodStart: '2025-04-01T00:00:00.000Z',
        periodEnd: '2025-04-05T00:00:00.000Z',
        likes: 3,
      }),
    ).toMatchObject({ reason: 'READING_KIND_CHANGED' });
  });

  it('defaults to the whole project as recorded', async () => {
    const response = await report({});
    expect(response.errors).toBeUndefined();
    const value = response.data!.assessmentReport;
    // From the pilot's start (1 January, also the launch's day) to the day after the last fact (the
    // reading entered on 2 April): 3 whole pilot months and 2 days of April's 30.
    expect(value.defaultWindow).toBe(true);
    expect(value.window).toEqual({ from: '2025-01-01T00:00:00.000Z', to: '2025-04-03T00:00:00.000Z' });
    expect(value.pilotMonthsInWindow).toBeCloseTo(3 + 2 / 30, 9);
    // 1 course held of 3 expected; a committee meeting every 3 months: 1 expected, none held.
    expect(line(value, 'training_course').target).toMatchObject({ value: 3, met: false });
    expect(line(value, 'committee_meeting').target).toMatchObject({ value: 1, met: false });
  });

  it('travels in time with asOf and knownAt', async () => {
    const before = await report({ window: MARCH, asOf: '2025-03-04T00:00:00.000Z' });
    expect(before.errors).toBeUndefined();
    expect(line(before.data!.assessmentReport, 'training_course').held).toBe(0);
    // Known before anything was recorded: an empty report, no targets.
    const known = await report({ window: MARCH, knownAt: '2020-01-01T00:00:00.000Z' });
    expect(known.errors).toBeUndefined();
    expect(known.data!.assessmentReport).toMatchObject({ settings: null, reach: { distinctCarers: 0, met: null } });
    // Before the assessment (28 March) and the reading (2 April): the goal is unassessed, no counters.
    const both = await report({
      window: MARCH,
      asOf: '2025-03-27T00:00:00.000Z',
      knownAt: new Date().toISOString(),
    });
    expect(both.data!.assessmentReport.goals).toMatchObject({ reached: 0, notAssessed: 2 });
    expect(both.data!.assessmentReport.channelTotals).toMatchObject({ readings: 0, visits: null });
  });

  it('refuses a bad window, an unknown project and a bad token with typed errors', async () => {
    const backwards = await report({ window: { from: MARCH.to, to: MARCH.from } });
    expect(backwards.data?.assessmentReport ?? null).toBeNull();
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WINDOW' });
    const empty = await report({ window: { from: MARCH.from, to: MARCH.from } });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WINDOW' });
    const unknown = await api.graphql(QUERY, { projectId: randomUUID() });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROJECT_NOT_FOUND' });
    const token = await report({ atLeastPosition: 'soon' });
    expect(token.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_POSITION' });
  });
});
