import { afterAll, beforeAll } from '@jest/globals';
import type { SignalReport, SignalResult } from '../signal-report.js';
import { fact, SignalsHarness, type HistoryEvent } from './signals-harness.js';

/**
 * A small hand-built history of one project P (territory "valley"), every expected value worked
 * out by hand below. The window under test is March 2025: [2025-03-01, 2025-04-01).
 */
export const P = 'project-p';
export const Q = 'project-q';
export const R = 'project-r';
export const MARCH = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
export const FEBRUARY = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z') };

const targets = {
  reachShare: 0.2,
  trainingCoursesPerMonth: 1,
  peerMeetingsPerMonth: 1,
  committeeEveryMonths: 4,
  satisfactionThreshold: 0.75,
  understandingThreshold: 0.75,
};
export const launch = (projectId: string, territoryId: string, at = '2025-01-01') =>
  fact(
    'ProjectLaunched',
    {
      projectId,
      programmeId: null,
      territoryId,
      name: projectId,
      eligibleCarers: 30,
      pilotMonths: 12,
      startsOn: '2025-01-01',
      targets,
    },
    at,
  );
const answer = (
  projectId: string,
  carerId: string,
  accepted: boolean,
  channel: string,
  at: string,
  reason = 'other',
) =>
  accepted
    ? fact('CarerInvitationAccepted', { projectId, carerId, invitationId: `inv-${carerId}`, channel }, at)
    : fact(
        'CarerInvitationDeclined',
        { projectId, carerId, invitationId: `inv-${carerId}`, channel, reason, note: null },
        at,
      );
export const schedule = (activityId: string, kind: string, at: string) =>
  fact(
    'ActivityScheduled',
    {
      activityId,
      projectId: P,
      kind,
      topic: 't',
      scheduledFor: `${at}T15:00:00.000Z`,
      place: 'hall',
      facilitatorMemberId: null,
      organisingOrganisationId: 'org-a',
    },
    at,
  );
const held = (activityId: string, at: string) =>
  fact(
    'ActivityHeld',
    { activityId, projectId: P, startedAt: `${at}T15:00:00.000Z`, durationMinutes: 90, audioRecorded: false },
    at,
  );
/** Cancelled by provider org-a for low turnout, without consulting carers. */
export const cancelled = (activityId: string, at: string) =>
  fact(
    'ActivityCancelled',
    {
      activityId,
      projectId: P,
      reason: 'expected_low_turnout',
      note: null,
      decidedByOrganisationId: 'org-a',
      decidedByRole: 'provider',
      carersConsulted: false,
    },
    at,
  );
const attended = (activityId: string, carerId: string, at: string) =>
  fact('CarerAttendedActivity', { activityId, projectId: P, carerId }, at);
const barrier = (barrierId: string, taxonomy: string, code: string, at: string) =>
  fact(
    'BarrierObserved',
    {
      barrierId,
      projectId: P,
      taxonomy,
      code,
      stage: 'during',
      level: 'citizen',
      inabilityKind: null,
      description: 'seen',
      basedOn: [],
      observedAt: at,
    },
    at,
  );
/** A quiz of training A2 (three questions). */
const quizA2 = (carerId: string, phase: 'before' | 'after', correctAnswers: number, at: string) =>
  fact(
    'UnderstandingQuizAnswered',
    { activityId: 'A2', projectId: P, carerId, phase, questionsAsked: 3, correctAnswers },
    at,
  );
/** A decision of P taken without consulting carers. */
const takenWithoutCarers = (
  decisionId: string,
  organisationId: string,
  role: string,
  affectsCarers: boolean,
  at: string,
) =>
  fact(
    'DecisionTaken',
    {
      decisionId,
      projectId: P,
      description: 'd',
      decidedByOrganisationId: organisationId,
      decidedByRole: role,
      affectsCarers,
      carersConsulted: false,
      activityIds: [],
    },
    at,
  );
const joined = (organisationId: string, at: string) =>
  fact('OrganisationJoinedPartnership', { projectId: P, organisationId, partnerRole: 'promoter' }, at);
const observation = (id: string, kind: string, code: string, at: string) =>
  fact(
    'ObservationCoded',
    {
      evidenceId: 'ev-1',
      projectId: P,
      evidenceKind: 'interview',
      phase: 'pilot',
      observationId: id,
      kind,
      taxonomy: kind === 'positive_outcome' ? 'positive_outcomes' : 'involvement_shortcomings',
      code,
      stage: 'during',
      level: 'citizen',
      inabilityKind: null,
      quote: null,
    },
    at,
  );

export const PILOT_HISTORY: readonly HistoryEvent[] = [
  launch(P, 'valley'),
  // Trust: invitations. February (outside March): c6 accepted through a GP.
  answer(P, 'c6', true, 'gp', '2025-02-03'),
  answer(P, 'c1', true, 'word_of_mouth', '2025-03-02'),
  answer(P, 'c2', true, 'provider', '2025-03-03'),
  answer(P, 'c3', true, 'word_of_mouth', '2025-03-04'),
  answer(P, 'c4', false, 'provider', '2025-03-05', 'mistrust'),
  answer(P, 'c5', false, 'gp', '2025-03-06', 'no_time'),
  // Activities: A1 training held in February; A2 training and A3 peer meeting held in March;
  // A4 training cancelled in March without consulting carers; A5 committee meeting held in March.
  schedule('A1', 'training_course', '2025-01-20'),
  held('A1', '2025-02-10'),
  attended('A1', 'c6', '2025-02-10'),
  schedule('A2', 'training_course', '2025-02-20'),
  schedule('A3', 'peer_meeting', '2025-02-21'),
  schedule('A4', 'training_course', '2025-02-22'),
  schedule('A5', 'committee_meeting', '2025-02-23'),
  quizA2('c1', 'before', 1, '2025-03-05T14:00:00Z'),
  quizA2('c2', 'before', 2, '2025-03-05T14:00:00Z'),
  held('A2', '2025-03-05'),
  attended('A2', 'c1', '2025-03-05'),
  attended('A2', 'c2', '2025-03-05'),
  attended('A2', 'c6', '2025-03-05'),
  quizA2('c1', 'after', 3, '2025-03-05T17:00:00Z'),
  quizA2('c2', 'after', 2, '2025-03-05T17:00:00Z'),
  fact(
    'SatisfactionSurveyAnswered',
    {
      activityId: 'A2',
      projectId: P,
      carerId: 'c1',
      instrumentId: 'training-13',
      itemIds: ['i1', 'i2', 'i3'],
      scaleMin: 1,
      scaleMax: 3,
      answers: [3, 3, 2],
    },
    '2025-03-05T17:30:00Z',
  ),
  cancelled('A4', '2025-03-15'),
  held('A3', '2025-03-20'),
  attended('A3', 'c1', '2025-03-20'),
  fact(
    'SatisfactionSurveyAnswered',
    {
      activityId: 'A3',
      projectId: P,
      carerId: null,
      instrumentId: 'peer-4',
      itemIds: ['i1', 'i2'],
      scaleMin: 1,
      scaleMax: 4,
      answers: [4, 3],
    },
    '2025-03-20T18:00:00Z',
  ),
  held('A5', '2025-03-25'),
  fact(
    'PartnerRepresentativeAttendedActivity',
    { activityId: 'A5', projectId: P, organisationId: 'org-a', memberId: 'm1' },
    '2025-03-25',
  ),
  fact(
    'PartnerRepresentativeAttendedActivity',
    { activityId: 'A5', projectId: P, organisationId: 'org-a', memberId: 'm2' },
    '2025-03-25',
  ),
  fact(
    'PartnerRepresentativeAttendedActivity',
    { activityId: 'A5', projectId: P, organisationId: 'org-c', memberId: 'm3' },
    '2025-03-25',
  ),
  // Decisions: D1 affects carers, taken without them, revised with them; D2 affects carers, contested by a carer;
  // D3 does not affect carers.
  takenWithoutCarers('D1', 'org-a', 'provider', true, '2025-03-03'),
  takenWithoutCarers('D2', 'org-a', 'provider', true, '2025-03-08'),
  takenWithoutCarers('D3', 'org-b', 'researcher', false, '2025-03-09'),
  fact(
    'DecisionContested',
    { decisionId: 'D2', projectId: P, contestedByRole: 'carer', contestedByCarerId: 'c1', grounds: 'not asked' },
    '2025-03-11',
  ),
  fact(
    'DecisionRevised',
    { decisionId: 'D1', projectId: P, description: 'd2', carersConsulted: true, reason: 'asked' },
    '2025-03-18',
  ),
  // Suggestions: S1 (carer, made in February) adopted in March; S2 (carer) declined; S3 (researcher) adopted.
  fact(
    'SuggestionMade',
    {
      suggestionId: 'S1',
      projectId: P,
      suggestedByRole: 'carer',
      carerId: 'c1',
      organisationId: null,
      description: 's',
      topic: 'training',
    },
    '2025-02-25',
  ),
  fact('SuggestionAdopted', { suggestionId: 'S1', projectId: P, note: 'ok', decisionId: null }, '2025-03-04'),
  fact(
    'SuggestionMade',
    {
      suggestionId: 'S2',
      projectId: P,
      suggestedByRole: 'carer',
      carerId: 'c2',
      organisationId: null,
      description: 'local TV',
      topic: 'information',
    },
    '2025-03-05',
  ),
  fact(
    'SuggestionDeclined',
    { suggestionId: 'S2', projectId: P, reason: 'not_feasible_budget', note: 'cost' },
    '2025-03-06',
  ),
  fact(
    'SuggestionMade',
    {
      suggestionId: 'S3',
      projectId: P,
      suggestedByRole: 'researcher',
      carerId: null,
      organisationId: 'org-b',
      description: 's',
      topic: 'other',
    },
    '2025-03-06',
  ),
  fact('SuggestionAdopted', { suggestionId: 'S3', projectId: P, note: 'ok', decisionId: null }, '2025-03-07'),
  // Partnership: a, b joined in January, c and d in February; d left on 10 March.
  joined('org-a', '2025-01-02'),
  joined('org-b', '2025-01-02'),
  joined('org-c', '2025-02-01'),
  joined('org-d', '2025-02-01'),
  fact('OrganisationLeftPartnership', { projectId: P, organisationId: 'org-d', reason: null }, '2025-03-10'),
  fact('PartnerRolesClarified', { projectId: P, organisationId: 'org-a', responsibilities: ['lead'] }, '2025-01-15'),
  fact(
    'PartnerRolesClarified',
    { projectId: P, organisationId: 'org-b', responsibilities: ['research'] },
    '2025-01-15',
  ),
  fact('PartnerRolesFoundUnclear', { projectId: P, organisationId: 'org-b', note: 'who runs the quiz?' }, '2025-03-15'),
  fact(
    'CoordinationMeetingHeld',
    {
      projectId: P,
      meetingId: 'M3',
      format: 'in_person',
      attendingOrganisationIds: ['org-a', 'org-b', 'org-c'],
      attendingMemberIds: [],
      durationMinutes: 60,
    },
    '2025-02-10',
  ),
  fact(
    'CoordinationMeetingHeld',
    {
      projectId: P,
      meetingId: 'M1',
      format: 'video_call',
      attendingOrganisationIds: ['org-a', 'org-b', 'org-d'],
      attendingMemberIds: [],
      durationMinutes: 60,
    },
    '2025-03-05',
  ),
  fact('CoordinationMeetingMissed', { projectId: P, meetingId: 'M2', reason: 'nobody free' }, '2025-03-19'),
  fact(
    'CoordinationConcernRaised',
    { projectId: P, concernId: 'K3', raisedByOrganisationId: 'org-b', topic: 't', category: 'other' },
    '2025-01-20',
  ),
  fact('CoordinationConcernResolved', { projectId: P, concernId: 'K3', resolution: 'r' }, '2025-02-05'),
  fact(
    'CoordinationConcernRaised',
    { projectId: P, concernId: 'K1', raisedByOrganisationId: 'org-b', topic: 't', category: 'unclear_roles' },
    '2025-02-12',
  ),
  fact('CoordinationConcernResolved', { projectId: P, concernId: 'K1', resolution: 'r' }, '2025-03-20'),
  fact(
    'CoordinationConcernRaised',
    { projectId: P, concernId: 'K2', raisedByOrganisationId: 'org-c', topic: 't', category: 'meeting_format' },
    '2025-03-12',
  ),
  // Barriers: B1 trust, resolved before March; B2 trust, resolved 33 days after it was seen; B3 trust, open;
  // B4 not trust, adjusted after 10 days.
  barrier('B1', 'pilot_barriers', 'lack_of_trust', '2025-01-10'),
  fact('BarrierResolved', { barrierId: 'B1', projectId: P, resolution: 'r', resolvedAt: '2025-02-15' }, '2025-02-15'),
  barrier('B2', 'co_destruction_causes', 'insufficient_trust', '2025-02-20'),
  barrier('B4', 'co_destruction_causes', 'mistakes', '2025-03-02'),
  barrier('B3', 'pilot_barriers', 'lack_of_trust', '2025-03-10'),
  fact(
    'AdjustmentActionTaken',
    {
      barrierId: 'B4',
      projectId: P,
      actionId: 'x1',
      description: 'x',
      takenByOrganisationId: 'org-a',
      takenAt: '2025-03-12',
    },
    '2025-03-12',
  ),
  fact('BarrierResolved', { barrierId: 'B2', projectId: P, resolution: 'r', resolvedAt: '2025-03-25' }, '2025-03-25'),
  // Observations coded in March: 3 positive outcomes, 1 negative effect, 1 barrier (not counted).
  observation('o1', 'positive_outcome', 'satisfaction', '2025-03-21'),
  observation('o2', 'positive_outcome', 'competence', '2025-03-21'),
  observation('o3', 'positive_outcome', 'trust', '2025-03-21'),
  observation('o4', 'negative_effect', 'negative_effect_citizens_extra_burden', '2025-03-21'),
  observation('o5', 'barrier', 'process_team_tokenism', '2025-03-21'),
  // Q is in the same territory, R in another one.
  launch(Q, 'valley'),
  answer(Q, 'q1', true, 'press', '2025-03-10'),
  answer(Q, 'q2', false, 'press', '2025-03-11', 'mistrust'),
  launch(R, 'city'),
  answer(R, 'r1', false, 'press', '2025-03-10', 'mistrust'),
];

/** The indicator of a signal, by key (fails the test when absent). */
export function indicator(signal: SignalResult, key: string) {
  const found = signal.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key} in ${signal.key}`);
  return found;
}

/** The pilot history, projected, and P's report for March: what the signal specs read. */
export interface ProjectedPilot {
  readonly harness: SignalsHarness;
  readonly march: SignalReport;
}

/**
 * The pilot history projected for the tests of one describe block: opened before them, closed
 * after them. Call it in the describe block and read its fields inside hooks and tests.
 */
export function projectedPilot(): ProjectedPilot {
  const pilot = {} as { harness: SignalsHarness; march: SignalReport };
  beforeAll(async () => {
    pilot.harness = await SignalsHarness.open();
    await pilot.harness.append(PILOT_HISTORY);
    await pilot.harness.project();
    pilot.march = await pilot.harness.reader.report({ scope: { projectId: P }, window: MARCH });
  });
  afterAll(async () => {
    await pilot.harness?.close();
  });
  return pilot;
}
