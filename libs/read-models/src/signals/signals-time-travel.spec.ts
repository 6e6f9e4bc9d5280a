import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import type { SignalReport } from './signal-report.js';
import type { SignalScope } from './signal-requests.js';
import { recordedInSessions } from '../testing/index.js';
import { fact, SignalsHarness, type HistoryEvent } from './testing/signals-harness.js';

/**
 * asOf / knownAt must give exactly what a replay of the history truncated at that moment gives:
 * a second store holding only the events that occurred (resp. were recorded) by T, projected from
 * zero and queried without time travel. The history is entered in three sessions, each recording
 * new facts and facts that happened earlier (late entries), so occurredAt and recordedAt disagree.
 */
const P = 'tt-p';
const Q = 'tt-q';
const S = 'tt-s';
const TERRITORY = 'tt-valley';
const targets = {
  reachShare: 0.25,
  trainingCoursesPerMonth: 1,
  peerMeetingsPerMonth: 1,
  committeeEveryMonths: 3,
  satisfactionThreshold: 0.75,
  understandingThreshold: 0.75,
};
const launch = (projectId: string, at: string) =>
  fact(
    'ProjectLaunched',
    {
      projectId,
      programmeId: 'prog',
      territoryId: TERRITORY,
      name: projectId,
      eligibleCarers: 20,
      pilotMonths: 6,
      startsOn: '2025-01-01',
      targets,
    },
    at,
  );
const invitation = (projectId: string, carerId: string, accepted: boolean, channel: string, at: string) =>
  accepted
    ? fact('CarerInvitationAccepted', { projectId, carerId, invitationId: `i-${carerId}`, channel }, at)
    : fact(
        'CarerInvitationDeclined',
        { projectId, carerId, invitationId: `i-${carerId}`, channel, reason: 'mistrust', note: null },
        at,
      );
const activity = (projectId: string, activityId: string, kind: string, at: string) =>
  fact(
    'ActivityScheduled',
    {
      activityId,
      projectId,
      kind,
      topic: 't',
      scheduledFor: at,
      place: 'p',
      facilitatorMemberId: null,
      organisingOrganisationId: 'org-a',
    },
    at,
  );
const held = (projectId: string, activityId: string, at: string) =>
  fact('ActivityHeld', { activityId, projectId, startedAt: at, durationMinutes: 60, audioRecorded: false }, at);
const attended = (projectId: string, activityId: string, carerId: string, at: string) =>
  fact('CarerAttendedActivity', { activityId, projectId, carerId }, at);
const decision = (decisionId: string, consulted: boolean, at: string) =>
  fact(
    'DecisionTaken',
    {
      decisionId,
      projectId: P,
      description: 'd',
      decidedByOrganisationId: 'org-a',
      decidedByRole: 'provider',
      affectsCarers: true,
      carersConsulted: consulted,
      activityIds: [],
    },
    at,
  );
const barrier = (barrierId: string, code: string, at: string) =>
  fact(
    'BarrierObserved',
    {
      barrierId,
      projectId: P,
      taxonomy: 'pilot_barriers',
      code,
      stage: 'during',
      level: 'citizen',
      inabilityKind: null,
      description: 'd',
      basedOn: [],
      observedAt: at,
    },
    at,
  );
const quiz = (activityId: string, carerId: string, phase: string, correct: number, at: string) =>
  fact(
    'UnderstandingQuizAnswered',
    { activityId, projectId: P, carerId, phase, questionsAsked: 3, correctAnswers: correct },
    at,
  );

const SESSION_1: HistoryEvent[] = [
  launch(P, '2025-01-01'),
  launch(Q, '2025-01-01'),
  fact('OrganisationJoinedPartnership', { projectId: P, organisationId: 'org-a', partnerRole: 'lead' }, '2025-01-02'),
  fact(
    'OrganisationJoinedPartnership',
    { projectId: P, organisationId: 'org-b', partnerRole: 'research_partner' },
    '2025-01-02',
  ),
  invitation(P, 'c1', true, 'word_of_mouth', '2025-01-05'),
  invitation(P, 'c2', true, 'provider', '2025-01-06'),
  activity(P, 'A1', 'training_course', '2025-01-10'),
  held(P, 'A1', '2025-01-20'),
  attended(P, 'A1', 'c1', '2025-01-20'),
  attended(P, 'A1', 'c2', '2025-01-20'),
  barrier('B1', 'lack_of_trust', '2025-02-01'),
  decision('D1', false, '2025-02-05'),
  fact(
    'CoordinationMeetingHeld',
    {
      projectId: P,
      meetingId: 'M1',
      format: 'in_person',
      attendingOrganisationIds: ['org-a', 'org-b'],
      attendingMemberIds: [],
      durationMinutes: 60,
    },
    '2025-02-07',
  ),
  invitation(Q, 'q1', true, 'gp', '2025-02-08'),
];

const SESSION_2: HistoryEvent[] = [
  // Late entries for January and February.
  invitation(P, 'c7', false, 'provider', '2025-01-15'),
  attended(P, 'A1', 'c3', '2025-01-20'),
  fact(
    'DecisionRevised',
    { decisionId: 'D1', projectId: P, description: 'd', carersConsulted: true, reason: 'asked' },
    '2025-02-10',
  ),
  barrier('B2', 'mistakes', '2025-02-25'),
  activity(P, 'A2', 'training_course', '2025-02-20'),
  // March, as it happens.
  quiz('A2', 'c1', 'before', 1, '2025-03-03T10:00:00Z'),
  held(P, 'A2', '2025-03-03'),
  attended(P, 'A2', 'c1', '2025-03-03'),
  attended(P, 'A2', 'c3', '2025-03-03'),
  quiz('A2', 'c1', 'after', 3, '2025-03-03T18:00:00Z'),
  fact(
    'SatisfactionSurveyAnswered',
    {
      activityId: 'A2',
      projectId: P,
      carerId: 'c1',
      instrumentId: 'x',
      itemIds: ['a', 'b'],
      scaleMin: 1,
      scaleMax: 4,
      answers: [4, 2],
    },
    '2025-03-03T18:00:00Z',
  ),
  fact(
    'AdjustmentActionTaken',
    {
      barrierId: 'B1',
      projectId: P,
      actionId: 'x',
      description: 'x',
      takenByOrganisationId: 'org-a',
      takenAt: '2025-03-01',
    },
    '2025-03-01',
  ),
  fact('PartnerRolesClarified', { projectId: P, organisationId: 'org-a', responsibilities: ['lead'] }, '2025-03-02'),
  fact(
    'CoordinationConcernRaised',
    { projectId: P, concernId: 'K1', raisedByOrganisationId: 'org-b', topic: 't', category: 'coordination' },
    '2025-03-05',
  ),
  invitation(Q, 'q2', false, 'gp', '2025-03-06'),
  decision('D2', false, '2025-03-08'),
];

const SESSION_3: HistoryEvent[] = [
  // Late entries for March, one of them a whole project launched on 10 March.
  launch(S, '2025-03-10'),
  invitation(S, 's1', true, 'word_of_mouth', '2025-03-11'),
  fact(
    'TerritorySignalFrameworkAdopted',
    { programmeId: 'prog', territoryId: TERRITORY, frameworkId: 'tt', version: 1 },
    '2025-03-01',
  ),
  fact(
    'DecisionContested',
    { decisionId: 'D2', projectId: P, contestedByRole: 'carer', contestedByCarerId: 'c3', grounds: 'g' },
    '2025-03-15',
  ),
  fact('CoordinationConcernResolved', { projectId: P, concernId: 'K1', resolution: 'r' }, '2025-03-20'),
  fact('BarrierResolved', { barrierId: 'B1', projectId: P, resolution: 'r', resolvedAt: '2025-03-28' }, '2025-03-28'),
  activity(P, 'A4', 'peer_meeting', '2025-03-01'),
  fact(
    'ActivityCancelled',
    {
      activityId: 'A4',
      projectId: P,
      reason: 'weather',
      note: null,
      decidedByOrganisationId: null,
      decidedByRole: 'committee',
      carersConsulted: true,
    },
    '2025-03-12',
  ),
  invitation(P, 'c8', true, 'word_of_mouth', '2025-03-14'),
  // April, as it happens.
  activity(P, 'A3', 'peer_meeting', '2025-03-25'),
  held(P, 'A3', '2025-04-02'),
  attended(P, 'A3', 'c2', '2025-04-02'),
  attended(P, 'A3', 'c8', '2025-04-02'),
  fact('OrganisationLeftPartnership', { projectId: P, organisationId: 'org-b', reason: null }, '2025-04-03'),
  barrier('B3', 'lack_of_trust', '2025-04-04'),
];

const WINDOW = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') };
const SCOPES: SignalScope[] = [{ projectId: P }, { territoryId: TERRITORY }];

const comparable = (report: SignalReport) => ({
  framework: report.framework,
  signals: report.signals,
  warnings: report.warnings,
});

async function registerFramework(harness: SignalsHarness): Promise<void> {
  await harness.frameworks.register(
    'tt',
    1,
    {
      ...DEFAULT_FRAMEWORK.definition,
      name: 'Time-travel territory',
      parameters: { ...DEFAULT_FRAMEWORK.definition.parameters, attendanceNorm: 2, adjustmentDays: 20 },
    },
    'admin',
  );
}

/** A signals harness with the time-travel territory's framework registered. */
async function openRegistered(): Promise<SignalsHarness> {
  const harness = await SignalsHarness.open();
  await registerFramework(harness);
  return harness;
}

describe('time travel equals a replay of the truncated history', () => {
  const history = recordedInSessions(openRegistered, [SESSION_1, SESSION_2, SESSION_3]);

  it('the history really was entered late', () => {
    const late = history.log.filter(
      (event) => event.recordedAt > history.afterSession1 && event.occurredAt < new Date('2025-03-01'),
    );
    expect(late.length).toBeGreaterThanOrEqual(5);
  });

  const cases: Array<[string, () => { asOf: Date | null; knownAt: Date | null }]> = [
    ['asOf 15 March', () => ({ asOf: new Date('2025-03-15T00:00:00Z'), knownAt: null })],
    [
      'asOf 1 March (a late-entered project launched after it)',
      () => ({ asOf: new Date('2025-03-01T12:00:00Z'), knownAt: null }),
    ],
    ['knownAt after session 1', () => ({ asOf: null, knownAt: history.afterSession1 })],
    ['knownAt after session 2', () => ({ asOf: null, knownAt: history.afterSession2 })],
    [
      'asOf 20 March and knownAt after session 2',
      () => ({ asOf: new Date('2025-03-20T00:00:00Z'), knownAt: history.afterSession2 }),
    ],
  ];

  it.each(cases)('%s', async (_title, moment) => {
    const { asOf, knownAt } = moment();
    const replay = await history.replayOf(
      (event) => (asOf === null || event.occurredAt <= asOf) && (knownAt === null || event.recordedAt <= knownAt),
    );
    for (const scope of SCOPES) {
      const travelled = await history.full.reader.report({ scope, window: WINDOW, asOf, knownAt });
      const replayed = await replay.reader.report({ scope, window: WINDOW });
      expect(comparable(travelled)).toEqual(comparable(replayed));

      const series = await history.full.reader.series({
        scope,
        from: WINDOW.from,
        to: WINDOW.to,
        granularity: 'MONTH',
        asOf,
        knownAt,
      });
      const replayedSeries = await replay.reader.series({
        scope,
        from: WINDOW.from,
        to: WINDOW.to,
        granularity: 'MONTH',
      });
      expect(series.periods.map(comparable)).toEqual(replayedSeries.periods.map(comparable));
    }
  });

  it('sees different values at different moments (the comparison is not vacuous)', async () => {
    const scope = { projectId: P };
    const early = await history.full.reader.report({ scope, window: WINDOW, knownAt: history.afterSession1 });
    const later = await history.full.reader.report({ scope, window: WINDOW, knownAt: history.afterSession2 });
    const now = await history.full.reader.report({ scope, window: WINDOW });
    const acceptance = (report: SignalReport) =>
      report.signals.trust.indicators.find((i) => i.key === 'invitationAcceptance');
    // Known after session 1: c1, c2 accepted. After session 2: c7's decline (dated January) is known too.
    // Now: c8 accepted in March as well.
    expect(acceptance(early)).toMatchObject({ numerator: 2, denominator: 2 });
    expect(acceptance(later)).toMatchObject({ numerator: 2, denominator: 3 });
    expect(acceptance(now)).toMatchObject({ numerator: 3, denominator: 4 });
    // The territory adopted framework "tt" (dated 1 March) only in session 3.
    expect(later.framework.source).toBe('DEFAULT');
    expect(now.framework).toMatchObject({ id: 'tt', source: 'TERRITORY_ADOPTED' });
  });
});
