import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '#domain';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import { reportForRestrictedRole } from './disclosure-control.js';
import { parseFrameworkDefinition, type SignalFrameworkDefinition } from './framework.js';
import { INDICATORS_BY_KEY } from './indicators/index.js';
import { SIGNAL_FACTS_TABLE } from './signal-facts.projection.js';
import type { SignalReport, SignalResult } from './signal-report.js';
import { fact, SignalsHarness } from './testing/signals-harness.js';
import { launch, MARCH, P, schedule, cancelled } from './testing/signals-pilot-history.js';

const instrument = (instrumentId: string, respondents: string, itemCount: number) =>
  fact(
    'SurveyInstrumentRegistered',
    {
      instrumentId,
      name: instrumentId,
      description: null,
      measures: 'other',
      itemCount,
      scale: { minimum: 1, maximum: 5, labels: null },
      respondents,
      items: null,
    },
    '2025-01-05',
    `survey-instrument-${instrumentId}`,
  );
const memberAnswered = (responseId: string, memberId: string, organisationId: string, answers: number[], at: string) =>
  fact(
    'InstrumentResponseRecorded',
    {
      responseId,
      projectId: P,
      instrumentId: 'partnership-synergy',
      respondent: { kind: 'partner_member', organisationId, memberId },
      itemIds: ['item-1', 'item-2', 'item-3'],
      scaleMin: 1,
      scaleMax: 5,
      answers,
    },
    at,
    `instrument-response-${responseId}`,
  );
const carerAnswered = (responseId: string, carerId: string, answer: number, at: string) =>
  fact(
    'InstrumentResponseRecorded',
    {
      responseId,
      projectId: P,
      instrumentId: 'engagement-quality',
      respondent: { kind: 'carer', carerId },
      itemIds: ['item-1'],
      scaleMin: 1,
      scaleMax: 5,
      answers: [answer],
    },
    at,
    `instrument-response-${responseId}`,
  );

/**
 * A territory that follows the instruments it already uses: engagement is delivery beside the
 * carers' engagement-quality scale; partnership cohesion is coordination meetings held beside the
 * partnership synergy score, weighted 3.
 */
const followsItsInstruments: SignalFrameworkDefinition = {
  ...DEFAULT_FRAMEWORK.definition,
  name: 'Valley instruments',
  signals: {
    ...DEFAULT_FRAMEWORK.definition.signals,
    engagement: {
      indicators: [
        { key: 'delivery', weight: 1 },
        { key: 'instrumentScore', weight: 1, instrumentId: 'engagement-quality' },
      ],
      warnBelow: 0.5,
      warnDropBy: 0.15,
    },
    partnershipCohesion: {
      indicators: [
        { key: 'coordinationMeetingsHeld', weight: 1 },
        { key: 'instrumentScore', weight: 3, instrumentId: 'partnership-synergy' },
      ],
      warnBelow: 0.5,
      warnDropBy: 0.15,
    },
  },
};

const instrumentIndicator = (signal: SignalResult, instrumentId: string) => {
  const found = signal.indicators.find((i) => i.key === 'instrumentScore' && i.instrumentId === instrumentId);
  if (!found) throw new Error(`no instrumentScore of ${instrumentId} in ${signal.key}`);
  return found;
};

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('instrumentScore: the mean normalised score of the responses to a named instrument', () => {
  let harness: SignalsHarness;
  let march: SignalReport;
  const framework = { id: 'valley-instruments', version: 1 };

  beforeAll(async () => {
    harness = await SignalsHarness.open();
    await harness.append([
      launch(P, 'valley'),
      instrument('partnership-synergy', 'partner_members', 3),
      instrument('engagement-quality', 'carers', 1),
      schedule('A1', 'training_course', '2025-03-02'),
      fact(
        'ActivityHeld',
        {
          activityId: 'A1',
          projectId: P,
          startedAt: '2025-03-03T15:00:00.000Z',
          durationMinutes: 90,
          audioRecorded: false,
        },
        '2025-03-03',
      ),
      schedule('A2', 'peer_meeting', '2025-03-04'),
      cancelled('A2', '2025-03-10'),
      fact(
        'CoordinationMeetingHeld',
        {
          projectId: P,
          meetingId: 'M1',
          format: 'video_call',
          attendingOrganisationIds: ['org-a', 'org-b'],
          attendingMemberIds: [],
          durationMinutes: 60,
        },
        '2025-03-05',
      ),
      fact('CoordinationMeetingMissed', { projectId: P, meetingId: 'M2', reason: 'nobody free' }, '2025-03-19'),
      memberAnswered('r0', 'm-1', 'org-a', [1, 1, 1], '2025-02-20'), // February: outside the window
      memberAnswered('r1', 'm-1', 'org-a', [4, 3, 5], '2025-03-12'),
      memberAnswered('r2', 'm-2', 'org-b', [5, 5, 5], '2025-03-14'),
      carerAnswered('r3', 'c-1', 4, '2025-03-20'),
      carerAnswered('r4', 'c-2', 3, '2025-03-21'),
    ]);
    await harness.project();
    await harness.frameworks.register(framework.id, framework.version, followsItsInstruments, 'admin-1');
    march = await harness.reader.report({ scope: { projectId: P }, window: MARCH, framework });
  });
  afterAll(() => harness?.close());

  it('writes a fact per instrument and per response, with who answered and the normalised score', async () => {
    const rows = await harness.database.query<Record<string, unknown>>(
      `select kind, subject_id, project_id, carer_id, organisation_id, category, detail, amount, total
       from ${SIGNAL_FACTS_TABLE} where kind in ('instrument_registered', 'instrument_answered')
       order by kind desc, subject_id`,
    );
    expect(rows.map((row) => ({ ...row, amount: row.amount === null ? null : Number(row.amount) }))).toEqual([
      {
        kind: 'instrument_registered',
        subject_id: 'engagement-quality',
        project_id: null,
        carer_id: null,
        organisation_id: null,
        category: 'carers',
        detail: 'engagement-quality',
        amount: null,
        total: 1,
      },
      {
        kind: 'instrument_registered',
        subject_id: 'partnership-synergy',
        project_id: null,
        carer_id: null,
        organisation_id: null,
        category: 'partner_members',
        detail: 'partnership-synergy',
        amount: null,
        total: 3,
      },
      // (1 + 1 + 1) / 3 / 5 = 0.2; (4/5 + 3/5 + 5/5) / 3 = 0.8; 1; 4/5; 3/5.
      {
        kind: 'instrument_answered',
        subject_id: 'r0',
        project_id: P,
        carer_id: null,
        organisation_id: 'org-a',
        category: 'partner_members',
        detail: 'partnership-synergy',
        amount: expect.closeTo(0.2, 10),
        total: 3,
      },
      {
        kind: 'instrument_answered',
        subject_id: 'r1',
        project_id: P,
        carer_id: null,
        organisation_id: 'org-a',
        category: 'partner_members',
        detail: 'partnership-synergy',
        amount: expect.closeTo(0.8, 10),
        total: 3,
      },
      {
        kind: 'instrument_answered',
        subject_id: 'r2',
        project_id: P,
        carer_id: null,
        organisation_id: 'org-b',
        category: 'partner_members',
        detail: 'partnership-synergy',
        amount: 1,
        total: 3,
      },
      {
        kind: 'instrument_answered',
        subject_id: 'r3',
        project_id: P,
        carer_id: 'c-1',
        organisation_id: null,
        category: 'carers',
        detail: 'engagement-quality',
        amount: expect.closeTo(0.8, 10),
        total: 1,
      },
      {
        kind: 'instrument_answered',
        subject_id: 'r4',
        project_id: P,
        carer_id: 'c-2',
        organisation_id: null,
        category: 'carers',
        detail: 'engagement-quality',
        amount: expect.closeTo(0.6, 10),
        total: 1,
      },
    ]);
  });

  it("scores partner members' answers beside an event-derived indicator, not as carers' facts", () => {
    const cohesion = march.signals.partnershipCohesion;
    // March: r1 0.8 + r2 1.0 over 2 responses (r0 is February's).
    expect(instrumentIndicator(cohesion, 'partnership-synergy')).toMatchObject({
      numerator: 1.8,
      denominator: 2,
      value: 0.9,
      weight: 3,
      carerCount: null,
    });
    // M1 held, M2 missed: 1 / 2.
    expect(cohesion.indicators.find((i) => i.key === 'coordinationMeetingsHeld')).toMatchObject({ value: 0.5 });
    // (1 × 0.5 + 3 × 0.9) / 4 = 0.8
    expect(cohesion.value).toBe(0.8);
    expect(cohesion.carerCount).toBeNull();
  });

  it("scores carers' answers as carers' own facts", () => {
    const engagement = march.signals.engagement;
    // c-1 4/5 + c-2 3/5 over 2 responses = 0.7, from 2 carers.
    expect(instrumentIndicator(engagement, 'engagement-quality')).toMatchObject({
      numerator: 1.4,
      denominator: 2,
      value: 0.7,
      carerCount: 2,
    });
    // A1 held, A2 cancelled: delivery 1 / 2; (0.5 + 0.7) / 2 = 0.6.
    expect(engagement.value).toBe(0.6);
    expect(engagement.carerCount).toBe(2);
    expect(march.carerCount).toBe(2);
  });

  it("withholds the carers' instrument below the threshold for a restricted role, never the partners'", () => {
    const shown = reportForRestrictedRole(march, 5);
    expect(instrumentIndicator(shown.signals.engagement, 'engagement-quality')).toMatchObject({
      value: null,
      numerator: null,
      carerCount: null,
      suppressed: true,
    });
    expect(shown.signals.engagement).toMatchObject({ value: null, suppressed: true });
    expect(instrumentIndicator(shown.signals.partnershipCohesion, 'partnership-synergy')).toMatchObject({
      value: 0.9,
      numerator: 1.8,
      denominator: 2,
      suppressed: false,
    });
    expect(shown.signals.partnershipCohesion).toMatchObject({ value: 0.8, suppressed: false });
  });

  it('is left out of its signal in a window without responses', async () => {
    const february = await harness.reader.report({
      scope: { projectId: P },
      window: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') },
      framework,
    });
    expect(instrumentIndicator(february.signals.partnershipCohesion, 'partnership-synergy')).toMatchObject({
      denominator: 0,
      value: null,
      included: false,
    });
  });

  it('refuses a framework naming an instrument never registered, listing where', async () => {
    const unknown: SignalFrameworkDefinition = {
      ...followsItsInstruments,
      signals: {
        ...followsItsInstruments.signals,
        trust: {
          ...followsItsInstruments.signals.trust,
          indicators: [
            ...followsItsInstruments.signals.trust.indicators,
            { key: 'instrumentScore', weight: 1, instrumentId: 'collaboration-factors' },
          ],
        },
      },
    };
    await expect(harness.frameworks.register('unknown-instrument', 1, unknown, 'admin-1')).rejects.toMatchObject({
      reason: 'INVALID_SIGNAL_FRAMEWORK',
      category: 'invalid',
      details: {
        problems: 'signals.trust.indicators.5.instrumentId: unknown survey instrument "collaboration-factors"',
      },
    });
    expect(await harness.frameworks.get('unknown-instrument', 1)).toBeNull();
  });
});

describe('framework definitions naming instruments', () => {
  const withEngagement = (indicators: unknown[]) => ({
    ...DEFAULT_FRAMEWORK.definition,
    signals: {
      ...DEFAULT_FRAMEWORK.definition.signals,
      engagement: { indicators, warnBelow: null, warnDropBy: null },
    },
  });

  it('accepts two instruments in one signal, each once', () => {
    const parsed = parseFrameworkDefinition(
      withEngagement([
        { key: 'instrumentScore', weight: 1, instrumentId: 'engagement-quality' },
        { key: 'instrumentScore', weight: 1, instrumentId: 'collaboration-factors' },
      ]),
    );
    expect(parsed.signals.engagement.indicators).toHaveLength(2);
  });

  it('refuses an instrument indicator without its instrument, an instrument on another indicator, one listed twice', () => {
    const error = refusal(() =>
      parseFrameworkDefinition(
        withEngagement([
          { key: 'instrumentScore', weight: 1 },
          { key: 'reach', weight: 1, instrumentId: 'engagement-quality' },
          { key: 'instrumentScore', weight: 1, instrumentId: 'engagement-quality' },
          { key: 'instrumentScore', weight: 1, instrumentId: 'engagement-quality' },
          { key: 'instrumentScore', weight: 1, instrumentId: 'not an id' },
        ]),
      ),
    );
    expect(error).toMatchObject({ reason: 'INVALID_SIGNAL_FRAMEWORK', category: 'invalid' });
    expect(String(error.details?.problems).split('; ')).toEqual([
      'signals.engagement.indicators.4.instrumentId: must be an instrument id of 1 to 100 letters, digits, _ - . :',
      'signals.engagement.indicators.0.instrumentId: indicator instrumentScore needs an instrumentId naming a registered survey instrument',
      'signals.engagement.indicators.1.instrumentId: indicator reach reads no instrument: remove instrumentId',
      'signals.engagement.indicators.3.key: indicator instrumentScore:engagement-quality is listed twice',
    ]);
  });

  it('lists the instrument indicator with its parameter', () => {
    expect(INDICATORS_BY_KEY.get('instrumentScore')).toMatchObject({
      key: 'instrumentScore',
      rule: 'ratio',
      parameter: { name: 'instrumentId' },
    });
  });
});
