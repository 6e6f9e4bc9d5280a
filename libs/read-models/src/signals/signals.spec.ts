import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import type { SignalFrameworkDefinition } from './framework.js';
import type { SignalReport, SignalResult } from './signal-reader.js';
import { suppressSignalReport } from './suppression.js';
import { fact, SignalsHarness } from './testing/history.js';

/**
 * A small hand-built history of one project P (territory "valley"), every expected value worked
 * out by hand below. The window under test is March 2025: [2025-03-01, 2025-04-01).
 */
const P = 'project-p';
const Q = 'project-q';
const R = 'project-r';
const MARCH = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
const FEBRUARY = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z') };

const targets = {
  reachShare: 0.2,
  trainingCoursesPerMonth: 1,
  peerMeetingsPerMonth: 1,
  committeeEveryMonths: 4,
  satisfactionThreshold: 0.75,
  understandingThreshold: 0.75,
};
const launch = (projectId: string, territoryId: string, at = '2025-01-01') =>
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
const schedule = (activityId: string, kind: string, at: string) =>
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

const HISTORY = [
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
  fact(
    'UnderstandingQuizAnswered',
    { activityId: 'A2', projectId: P, carerId: 'c1', phase: 'before', questionsAsked: 3, correctAnswers: 1 },
    '2025-03-05T14:00:00Z',
  ),
  fact(
    'UnderstandingQuizAnswered',
    { activityId: 'A2', projectId: P, carerId: 'c2', phase: 'before', questionsAsked: 3, correctAnswers: 2 },
    '2025-03-05T14:00:00Z',
  ),
  held('A2', '2025-03-05'),
  attended('A2', 'c1', '2025-03-05'),
  attended('A2', 'c2', '2025-03-05'),
  attended('A2', 'c6', '2025-03-05'),
  fact(
    'UnderstandingQuizAnswered',
    { activityId: 'A2', projectId: P, carerId: 'c1', phase: 'after', questionsAsked: 3, correctAnswers: 3 },
    '2025-03-05T17:00:00Z',
  ),
  fact(
    'UnderstandingQuizAnswered',
    { activityId: 'A2', projectId: P, carerId: 'c2', phase: 'after', questionsAsked: 3, correctAnswers: 2 },
    '2025-03-05T17:00:00Z',
  ),
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
  fact(
    'ActivityCancelled',
    {
      activityId: 'A4',
      projectId: P,
      reason: 'expected_low_turnout',
      note: null,
      decidedByOrganisationId: 'org-a',
      decidedByRole: 'provider',
      carersConsulted: false,
    },
    '2025-03-15',
  ),
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
  fact(
    'DecisionTaken',
    {
      decisionId: 'D1',
      projectId: P,
      description: 'd',
      decidedByOrganisationId: 'org-a',
      decidedByRole: 'provider',
      affectsCarers: true,
      carersConsulted: false,
      activityId: null,
    },
    '2025-03-03',
  ),
  fact(
    'DecisionTaken',
    {
      decisionId: 'D2',
      projectId: P,
      description: 'd',
      decidedByOrganisationId: 'org-a',
      decidedByRole: 'provider',
      affectsCarers: true,
      carersConsulted: false,
      activityId: null,
    },
    '2025-03-08',
  ),
  fact(
    'DecisionTaken',
    {
      decisionId: 'D3',
      projectId: P,
      description: 'd',
      decidedByOrganisationId: 'org-b',
      decidedByRole: 'researcher',
      affectsCarers: false,
      carersConsulted: false,
      activityId: null,
    },
    '2025-03-09',
  ),
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

function indicator(signal: SignalResult, key: string) {
  const found = signal.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key} in ${signal.key}`);
  return found;
}

describe('signals computed from hand-built facts', () => {
  let harness: SignalsHarness;
  let march: SignalReport;

  beforeAll(async () => {
    harness = await SignalsHarness.open();
    await harness.append(HISTORY);
    await harness.project();
    march = await harness.reader.report({ scope: { projectId: P }, window: MARCH });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('uses the default framework when the territory adopted none', () => {
    expect(march.framework).toMatchObject({ id: 'default', version: 1, source: 'DEFAULT' });
    expect(march.window).toEqual(MARCH);
  });

  it('computes trust', () => {
    const trust = march.signals.trust;
    // Answers in March: accepted c1, c2, c3; declined c4 (mistrust), c5 (no time) → 3 / 5.
    expect(indicator(trust, 'invitationAcceptance')).toMatchObject({ numerator: 3, denominator: 5, value: 0.6 });
    // Declines: 2, of which 1 not for mistrust → 1 / 2.
    expect(indicator(trust, 'declinesNotMistrust')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    // Carers attending in March: c1 (A2, A3), c2 (A2), c6 (A1 in Feb, A2) → ≥ 2 attendances by 1 April: c1, c6 → 2 / 3.
    expect(indicator(trust, 'retention')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(indicator(trust, 'retention').value).toBeCloseTo(2 / 3, 10);
    // Accepted in March: c1 and c3 by word of mouth, c2 by provider → 2 / 3.
    expect(indicator(trust, 'wordOfMouth')).toMatchObject({ numerator: 2, denominator: 3 });
    // Trust barriers alive in March: B2 (resolved 25 March), B3 (open); B1 was resolved in February → 1 / 2.
    expect(indicator(trust, 'trustBarriersResolved')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    // (1×0.6 + 1×0.5 + 1×2/3 + 0.5×2/3 + 1×0.5) / (1 + 1 + 1 + 0.5 + 1) = 2.6 / 4.5
    expect(trust.value).toBeCloseTo(2.6 / 4.5, 10);
    expect(trust.includedWeight).toBe(4.5);
  });

  it('computes engagement', () => {
    const engagement = march.signals.engagement;
    // Distinct carers who attended by 1 April: c6, c1, c2 = 3; target 30 eligible × 0.2 = 6 → 0.5.
    expect(indicator(engagement, 'reach')).toMatchObject({ numerator: 3, denominator: 6, value: 0.5 });
    // Attendances in March: A2 ×3 + A3 ×1 = 4; held in March: A2, A3, A5 = 3 × norm 8 = 24 → 1/6.
    expect(indicator(engagement, 'attendancePerActivity')).toMatchObject({ numerator: 4, denominator: 24 });
    // Held A2, A3, A5; cancelled A4 → 3 / 4.
    expect(indicator(engagement, 'delivery')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    // March is 1 pilot month: expected 1 training + 1 peer + 1/4 committee = 2.25;
    // held capped per kind: min(1,1) + min(1,1) + min(1,0.25) = 2.25 → 1.
    expect(indicator(engagement, 'cadence')).toMatchObject({ numerator: 2.25, denominator: 2.25, value: 1 });
    // Carer-affecting: D1 (consulted after its revision), D2 (not), cancellation A4 (not) → 1 / 3.
    expect(indicator(engagement, 'decisionsConsulted')).toMatchObject({ numerator: 1, denominator: 3 });
    // D1, D2 affect carers; D2 contested by a carer → 1 / 2.
    expect(indicator(engagement, 'decisionsUncontested')).toMatchObject({ numerator: 1, denominator: 2 });
    // Carers' suggestions answered in March: S1 adopted, S2 declined (S3 is a researcher's) → 1 / 2.
    expect(indicator(engagement, 'suggestionUptake')).toMatchObject({ numerator: 1, denominator: 2 });
    // 2 survey responses / 4 attendances → 0.5.
    expect(indicator(engagement, 'feedbackResponse')).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    // Scores: (3/3 + 3/3 + 2/3) / 3 = 8/9 and (4/4 + 3/4) / 2 = 7/8 → (8/9 + 7/8) / 2 = 127/144.
    expect(indicator(engagement, 'satisfaction').denominator).toBe(2);
    expect(indicator(engagement, 'satisfaction').value).toBeCloseTo(127 / 144, 10);
    // After-course quizzes: c1 3/3, c2 2/3 → 5 / 6.
    expect(indicator(engagement, 'understanding')).toMatchObject({ numerator: 5, denominator: 6 });
    // Gains: c1 1 − 1/3 = 2/3 (room 2/3), c2 2/3 − 2/3 = 0 (room 1/3) → (2/3) / 1.
    expect(indicator(engagement, 'understandingGain').value).toBeCloseTo(2 / 3, 10);
    // 0.5 + 1/6 + 3/4 + 1 + 1/3 + 0.5×1/2 + 1/2 + 0.5×1/2 + 127/144 + 5/6 + 0.5×2/3, over weights 9.5:
    // in 144ths: 72 + 24 + 108 + 144 + 48 + 36 + 72 + 36 + 127 + 120 + 48 = 835 → 835 / 144 / 9.5
    expect(engagement.value).toBeCloseTo(835 / 144 / 9.5, 10);
  });

  it('computes partnership cohesion', () => {
    const cohesion = march.signals.partnershipCohesion;
    // M1 held, M2 missed → 1 / 2.
    expect(indicator(cohesion, 'coordinationMeetingsHeld')).toMatchObject({ numerator: 1, denominator: 2 });
    // Partners on 1 April: a, b, c (d left). Latest roles: a clarified, b unclear since 15 March, c never → 1 / 3.
    expect(indicator(cohesion, 'rolesClarified')).toMatchObject({ numerator: 1, denominator: 3 });
    // Alive concerns: K1 (resolved 20 March), K2 (open); K3 resolved in February → 1 / 2.
    expect(indicator(cohesion, 'concernsResolved')).toMatchObject({ numerator: 1, denominator: 2 });
    // M1 (March) gathered a, b, d; among current partners only the pair (a, b) met; possible pairs 3·2/2 = 3.
    expect(indicator(cohesion, 'interactionDensity')).toMatchObject({ numerator: 1, denominator: 3 });
    // Committee meeting A5: a (two members, counted once) and c present, of 3 current partners → 2 / 3.
    expect(indicator(cohesion, 'partnerAttendance')).toMatchObject({ numerator: 2, denominator: 3 });
    // (1/2 + 1/3 + 1/2 + 1/3 + 2/3) / 5 = 7/3 / 5 = 7/15
    expect(cohesion.value).toBeCloseTo(7 / 15, 10);
  });

  it('computes the co-creation balance', () => {
    const balance = march.signals.coCreationBalance;
    // Alive in March: B2 (resolved at the end), B3, B4 → 1 / 3.
    expect(indicator(balance, 'barriersResolved')).toMatchObject({ numerator: 1, denominator: 3 });
    // 3 positive outcomes, 1 negative effect → 3 / 4.
    expect(indicator(balance, 'outcomeBalance')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    // Due by 1 April: B2 (deadline 22 March; first acted on 25 March, 33 days: late) and B4 (acted on after 10 days);
    // B3's deadline (9 April) has not passed → 1 / 2.
    expect(indicator(balance, 'adjustmentTimeliness')).toMatchObject({ numerator: 1, denominator: 2 });
    // (1/3 + 3/4 + 1/2) / 3 = 19/36
    expect(balance.value).toBeCloseTo(19 / 36, 10);
  });

  it('leaves out indicators without data and renormalises the weights, saying so', async () => {
    const february = await harness.reader.report({ scope: { projectId: P }, window: FEBRUARY });
    const balance = february.signals.coCreationBalance;
    // Alive in February: B1 (resolved on 15 Feb), B2 (open) → 1/2. No coded observation → left out.
    // B1 first acted on 36 days after it was seen (late); B2 not due before 1 March → 0 / 1.
    expect(indicator(balance, 'outcomeBalance')).toMatchObject({ denominator: 0, value: null, included: false });
    expect(indicator(balance, 'barriersResolved')).toMatchObject({
      numerator: 1,
      denominator: 2,
      effectiveWeight: 0.5,
    });
    expect(indicator(balance, 'adjustmentTimeliness')).toMatchObject({ numerator: 0, denominator: 1 });
    // (1 × 0.5 + 1 × 0) / 2
    expect(balance.value).toBe(0.25);
    expect(balance.note).toContain('outcomeBalance');
    expect(balance.note).toContain('renormalised');
    // February trust: acceptance 1/1; no declines (left out); retention 0/1 (c6 came once by 1 March);
    // word of mouth 0/1; trust barriers alive B1 (resolved), B2 (open) → 1/2.
    // (1 + 0 + 0.5 × 0 + 0.5) / (1 + 1 + 0.5 + 1) = 1.5 / 3.5
    expect(february.signals.trust.value).toBeCloseTo(1.5 / 3.5, 10);
    // The March report compares with February.
    expect(march.signals.trust.previousValue).toBeCloseTo(1.5 / 3.5, 10);
  });

  it('warns below the thresholds', () => {
    // Cohesion 7/15 ≈ 0.47 < 0.5.
    expect(march.warnings).toContainEqual(
      expect.objectContaining({ kind: 'BELOW_THRESHOLD', signal: 'partnershipCohesion', threshold: 0.5 }),
    );
    expect(march.warnings.some((w) => w.kind === 'BELOW_THRESHOLD' && w.signal === 'trust')).toBe(false);
  });

  it('pools the projects of a territory and leaves other territories out', async () => {
    const valley = await harness.reader.report({ scope: { territoryId: 'valley' }, window: MARCH });
    // P: 3 accepted of 5; Q: 1 accepted of 2; R (city) not counted → 4 / 7.
    expect(indicator(valley.signals.trust, 'invitationAcceptance')).toMatchObject({ numerator: 4, denominator: 7 });
    // Declines: P 2 (1 mistrust), Q 1 (mistrust) → 1 / 3.
    expect(indicator(valley.signals.trust, 'declinesNotMistrust')).toMatchObject({ numerator: 1, denominator: 3 });
    // Reach: P 3 carers + Q 0, targets 6 + 6 → 3 / 12.
    expect(indicator(valley.signals.engagement, 'reach')).toMatchObject({ numerator: 3, denominator: 12 });
    const city = await harness.reader.report({ scope: { territoryId: 'city' }, window: MARCH });
    expect(indicator(city.signals.trust, 'invitationAcceptance')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('computes a monthly and a quarterly series', async () => {
    const series = await harness.reader.series({
      scope: { projectId: P },
      from: new Date('2025-02-01T00:00:00Z'),
      to: new Date('2025-04-01T00:00:00Z'),
      granularity: 'MONTH',
    });
    expect(series.periods.map((p) => p.window)).toEqual([FEBRUARY, MARCH]);
    expect(series.periods[1]!.signals).toEqual(march.signals);
    const quarter = await harness.reader.series({
      scope: { projectId: P },
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2025-04-01T00:00:00Z'),
      granularity: 'QUARTER',
    });
    expect(quarter.periods).toHaveLength(1);
    // Q1: accepted c6, c1, c2, c3 of 6 answers.
    expect(indicator(quarter.periods[0]!.signals.trust, 'invitationAcceptance')).toMatchObject({
      numerator: 4,
      denominator: 6,
    });
    // Q1 is 3 pilot months: expected 3 training + 3 peer + 3/4 committee = 6.75; held 2 training, 1 peer, 1 committee
    // → min(2,3) + min(1,3) + min(1,0.75) = 3.75.
    expect(indicator(quarter.periods[0]!.signals.engagement, 'cadence')).toMatchObject({
      numerator: 3.75,
      denominator: 6.75,
    });
  });

  it("uses the territory's adopted framework, and compares frameworks on the same facts", async () => {
    const definition: SignalFrameworkDefinition = {
      ...DEFAULT_FRAMEWORK.definition,
      name: 'Valley framework',
      signals: {
        ...DEFAULT_FRAMEWORK.definition.signals,
        trust: {
          indicators: [
            { key: 'invitationAcceptance', weight: 3 },
            { key: 'trustBarriersResolved', weight: 1 },
          ],
          warnBelow: 0.7,
          warnDropBy: null,
        },
      },
    };
    await harness.frameworks.register('valley', 1, definition, 'admin-1');
    await harness.append([
      fact(
        'TerritorySignalFrameworkAdopted',
        { programmeId: 'prog', territoryId: 'valley', frameworkId: 'valley', version: 1 },
        '2025-04-02',
      ),
    ]);
    await harness.project();
    const adopted = await harness.reader.report({ scope: { projectId: P }, window: MARCH });
    expect(adopted.framework).toMatchObject({ id: 'valley', version: 1, source: 'TERRITORY_ADOPTED' });
    // (3 × 0.6 + 1 × 0.5) / 4 = 2.3 / 4
    expect(adopted.signals.trust.value).toBeCloseTo(2.3 / 4, 10);
    expect(adopted.warnings).toContainEqual(expect.objectContaining({ kind: 'BELOW_THRESHOLD', signal: 'trust' }));
    // Before the adoption happened, the default applied.
    const before = await harness.reader.report({
      scope: { projectId: P },
      window: MARCH,
      asOf: new Date('2025-04-01T00:00:00Z'),
    });
    expect(before.framework.source).toBe('DEFAULT');

    const [left, right] = await harness.reader.compare({ scope: { projectId: P }, window: MARCH }, [
      { id: 'default', version: 1 },
      { id: 'valley', version: 1 },
    ]);
    expect(left!.framework).toMatchObject({ id: 'default', source: 'REQUESTED' });
    expect(left!.signals.trust.value).toBeCloseTo(2.6 / 4.5, 10);
    expect(right!.signals.trust.value).toBeCloseTo(2.3 / 4, 10);
    expect(right!.signals.engagement).toEqual(left!.signals.engagement);
  });

  describe('carers behind the figures (small-group suppression counts them)', () => {
    const carers = (report: SignalReport) =>
      Object.fromEntries(
        Object.values(report.signals).flatMap((signal) => signal.indicators.map((i) => [i.key, i.carerCount])),
      );

    it('counts the distinct carers whose own facts each indicator was computed from in the window', () => {
      expect(carers(march)).toMatchObject({
        // Invitation answers in March: c1, c2, c3 accepted (c1, c3 by word of mouth), c4, c5 declined.
        invitationAcceptance: 5,
        declinesNotMistrust: 2,
        wordOfMouth: 3,
        // Attendances in March: A2 c1, c2, c6 and A3 c1 — 4 attendances, 3 distinct carers.
        retention: 3,
        attendancePerActivity: 3,
        // Reached by 1 April: c6 (February), c1, c2.
        reach: 3,
        // Responses: c1 and one anonymous response (a carer of its own); with the attendees c1, c2, c6.
        satisfaction: 2,
        feedbackResponse: 4,
        // After-course quizzes: c1, c2, both with a before-quiz.
        understanding: 2,
        understandingGain: 2,
        // Not derived from carers' facts.
        trustBarriersResolved: null,
        delivery: null,
        cadence: null,
        decisionsConsulted: null,
        decisionsUncontested: null,
        suggestionUptake: null,
        rolesClarified: null,
        partnerAttendance: null,
        outcomeBalance: null,
      });
      expect(indicator(march.signals.engagement, 'attendancePerActivity').numerator).toBe(4);
      // Unions, not sums: trust c1–c6; engagement c1, c2, c6 and the anonymous respondent.
      expect(march.signals.trust.carerCount).toBe(6);
      expect(march.signals.engagement.carerCount).toBe(4);
      expect(march.signals.partnershipCohesion.carerCount).toBeNull();
      expect(march.signals.coCreationBalance.carerCount).toBeNull();
      expect(march.carerCount).toBe(7);
      // previousValue's indicators, over February: c6 accepted, and attended A1.
      expect(march.signals.trust.previousIndicators).toContainEqual({
        key: 'invitationAcceptance',
        included: true,
        carerCount: 1,
      });
      expect(march.suppressed).toBe(false);
    });

    it('counts only the facts visible as of the moment asked, not the project’s carers', async () => {
      // 5 March, 16:00: c5's decline (6 March), the after-course quizzes (17:00) and the surveys are yet to come.
      const early = await harness.reader.report({
        scope: { projectId: P },
        window: MARCH,
        asOf: new Date('2025-03-05T16:00:00Z'),
      });
      expect(carers(early)).toMatchObject({
        invitationAcceptance: 4,
        declinesNotMistrust: 1,
        wordOfMouth: 3,
        retention: 3,
        reach: 3,
        satisfaction: 0,
        feedbackResponse: 3,
        understanding: 0,
        understandingGain: 0,
      });
      expect(early.carerCount).toBe(5);
      // The first quarter adds c6's February answer; the territory adds Q's q1 and q2.
      const quarter = await harness.reader.report({
        scope: { projectId: P },
        window: { from: new Date('2025-01-01T00:00:00Z'), to: MARCH.to },
      });
      expect(carers(quarter).invitationAcceptance).toBe(6);
      const valley = await harness.reader.report({ scope: { territoryId: 'valley' }, window: MARCH });
      expect(carers(valley)).toMatchObject({ invitationAcceptance: 7, reach: 3 });
    });

    it('lets small-group suppression withhold what was computed over too few carers', () => {
      const suppressed = suppressSignalReport(march, 5);
      // Declines (2 carers) and reach (3) among others: trust and engagement withheld; cohesion untouched.
      expect(indicator(suppressed.signals.trust, 'invitationAcceptance')).toMatchObject({
        value: 0.6,
        suppressed: false,
      });
      expect(indicator(suppressed.signals.trust, 'declinesNotMistrust')).toMatchObject({
        value: null,
        suppressed: true,
      });
      expect(suppressed.signals.trust).toMatchObject({ value: null, suppressed: true });
      expect(suppressed.signals.engagement).toMatchObject({ value: null, suppressed: true });
      expect(suppressed.signals.partnershipCohesion.value).toBeCloseTo(7 / 15, 10);
      expect(suppressed).toMatchObject({ carerCount: 7, suppressed: true });
      expect(suppressSignalReport(march, 2).signals.trust.value).toBeCloseTo(2.6 / 4.5, 10);
    });
  });

  it('refuses bad requests with typed errors', async () => {
    await expect(
      harness.reader.report({ scope: { projectId: P }, window: { from: MARCH.to, to: MARCH.from } }),
    ).rejects.toMatchObject({ category: 'invalid', reason: 'INVALID_WINDOW' });
    await expect(harness.reader.report({ scope: { projectId: 'nope' }, window: MARCH })).rejects.toMatchObject({
      category: 'not_found',
      reason: 'PROJECT_NOT_FOUND',
    });
    await expect(
      harness.reader.report({ scope: { projectId: P }, window: MARCH, framework: { id: 'ghost', version: 3 } }),
    ).rejects.toMatchObject({ category: 'not_found', reason: 'SIGNAL_FRAMEWORK_NOT_FOUND' });
  });
});
