import { describe, expect, it } from '@jest/globals';
import { signalFactsProjection } from '../signals/index.js';
import { instrument, pilot, ReadModelHarness, recordedInSessions, type HistoryEvent } from '../testing/index.js';
import { reportFactsProjection } from './report-facts.projection.js';
import { AssessmentReportReader, type AssessmentReport, type AssessmentReportRequest } from './report-reader.js';

/**
 * The assessment report with asOf / knownAt must equal the report of a second store holding only
 * the events that occurred (resp. were recorded) by then, projected from zero and queried without
 * time travel. The history is entered in three sessions, each recording new facts and facts that
 * happened earlier (late entries): an activity's kind, a target revision, a pilot extension, goal
 * judgements, channel readings, a patient, and an instrument whose measure takes its responses out
 * of satisfaction.
 */
const P = 'tt-report';
const p = pilot(P);

const SESSION_1: HistoryEvent[] = [
  instrument('train-13', 'satisfaction', 3, '2024-12-01'),
  p.launch('2024-12-20', { eligibleCarers: 12 }),
  p.channel('ch-site', 'website', '2025-01-03'),
  p.channel('ch-page', 'social_media_page', '2025-01-03'),
  p.goal('G1', '2025-01-05'),
  p.goal('G2', '2025-01-05'),
  p.schedule('T1', 'training_course', '2025-01-06'),
  p.held('T1', '2025-01-15'),
  ...p.attended('T1', ['c1', 'c2'], '2025-01-15'),
  p.quiz('T1', 'c1', 'after', 3, '2025-01-15T17:00:00Z'),
  p.survey('T1', 'c1', 'train-13', 3, [3, 3, 2], '2025-01-15T17:30:00Z'),
  // P1's schedule (its kind) is entered only in session 2.
  p.held('P1', '2025-01-25'),
  ...p.attended('P1', ['c3'], '2025-01-25'),
  p.reading('ch-site', ['2025-01-01', '2025-02-01'], { visits: 50, downloads: 4 }, '2025-02-02'),
  p.patient('ch-site', 'pt-1', '2025-02-05'),
  p.schedule('C1', 'committee_meeting', '2025-02-01'),
  p.held('C1', '2025-02-10'),
  ...p.attended('C1', ['c1', 'c3'], '2025-02-10'),
];

const SESSION_2: HistoryEvent[] = [
  // Late entries for January and February.
  p.schedule('P1', 'peer_meeting', '2025-01-10'),
  p.survey('P1', null, 'peer-4', 4, [3], '2025-01-25T18:00:00Z'),
  p.reading('ch-page', ['2025-01-01', '2025-02-01'], { likes: 30, shares: 3 }, '2025-02-02'),
  p.schedule('T2', 'training_course', '2025-02-01'),
  p.cancelled('T2', '2025-02-14'),
  p.revise('2025-02-20', { reachShare: 0.25, peerMeetingsPerMonth: 2 }),
  // March, as it happens.
  p.reading('ch-site', ['2025-02-01', '2025-03-01'], { visits: 40, downloads: 6 }, '2025-03-02'),
  p.schedule('T3', 'training_course', '2025-03-01'),
  p.held('T3', '2025-03-12'),
  ...p.attended('T3', ['c2', 'c4', 'c5'], '2025-03-12'),
  p.quiz('T3', 'c4', 'after', 1, '2025-03-12T17:00:00Z'),
  p.survey('T3', 'c4', 'other-3', 3, [1, 2, 1], '2025-03-12T17:30:00Z'),
  p.assess('G1', 'reached', '2025-03-20'),
  p.selfOrganising('2025-03-25'),
];

const SESSION_3: HistoryEvent[] = [
  // Late entries for March and before, one of them the instrument "other-3" (dated 1 December).
  instrument('peer-4', 'satisfaction', 4, '2024-12-01'),
  instrument('other-3', 'other', 3, '2024-12-01'),
  p.patient('ch-page', 'pt-2', '2025-03-05'),
  p.patient('ch-site', 'pt-2', '2025-03-18'),
  p.assess('G2', 'unfulfilled', '2025-03-21'),
  p.extend('2025-03-10', 2, 6),
  p.schedule('P2', 'peer_meeting', '2025-03-01'),
  p.cancelled('P2', '2025-03-15', true),
  // April, as it happens.
  p.reassess('G2', 'unfulfilled', 'partially_reached', '2025-04-02'),
  p.held('P3', '2025-04-03'),
  p.schedule('P3', 'peer_meeting', '2025-03-20'),
  ...p.attended('P3', ['c6', 'c1'], '2025-04-03'),
  p.reading('ch-site', ['2025-03-01', '2025-04-01'], { visits: 30 }, '2025-04-04'),
  p.retired('ch-page', '2025-04-05'),
];

const WINDOW = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') };
const MARCH = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

const openHarness = () => ReadModelHarness.open({ projections: [signalFactsProjection, reportFactsProjection] });
const reportOf = (harness: ReadModelHarness, request: AssessmentReportRequest) =>
  new AssessmentReportReader(harness.database).report(request);

/** Everything but the echo of the time-travel arguments. */
const comparable = (report: AssessmentReport) => ({ ...report, asOf: null, knownAt: null });

describe('assessment report time travel equals a replay of the truncated history', () => {
  const history = recordedInSessions(openHarness, [SESSION_1, SESSION_2, SESSION_3]);

  it('the history really was entered late', () => {
    const late = history.log.filter(
      (event) => event.recordedAt > history.afterSession1 && event.occurredAt < new Date('2025-03-01'),
    );
    expect(late.length).toBeGreaterThanOrEqual(6);
  });

  const cases: Array<[string, () => { asOf: Date | null; knownAt: Date | null }]> = [
    ['asOf 15 March', () => ({ asOf: new Date('2025-03-15T00:00:00Z'), knownAt: null })],
    ['asOf 1 February', () => ({ asOf: new Date('2025-02-01T00:00:00Z'), knownAt: null })],
    ['asOf 3 April, 11:00 (just before P3 is held)', () => ({ asOf: new Date('2025-04-03T11:00:00Z'), knownAt: null })],
    ['knownAt after session 1', () => ({ asOf: null, knownAt: history.afterSession1 })],
    ['knownAt after session 2', () => ({ asOf: null, knownAt: history.afterSession2 })],
    [
      'asOf 22 March and knownAt after session 2',
      () => ({ asOf: new Date('2025-03-22T00:00:00Z'), knownAt: history.afterSession2 }),
    ],
  ];

  it.each(cases)('%s', async (_title, moment) => {
    const { asOf, knownAt } = moment();
    const replay = await history.replayOf(
      (event) => (asOf === null || event.occurredAt <= asOf) && (knownAt === null || event.recordedAt <= knownAt),
    );
    for (const window of [WINDOW, MARCH, null]) {
      const travelled = await reportOf(history.full, { projectId: P, window, asOf, knownAt });
      const replayed = await reportOf(replay, { projectId: P, window });
      expect(comparable(travelled)).toEqual(comparable(replayed));
    }
  });

  it('sees different reports at different moments (the comparison is not vacuous)', async () => {
    const early = await reportOf(history.full, { projectId: P, window: WINDOW, knownAt: history.afterSession1 });
    const later = await reportOf(history.full, { projectId: P, window: WINDOW, knownAt: history.afterSession2 });
    const now = await reportOf(history.full, { projectId: P, window: WINDOW });
    const peer = (report: AssessmentReport) => report.activities.find((line) => line.kind === 'peer_meeting')!;
    // After session 1, P1's kind is unknown: it counts overall but in no kind's line.
    expect(peer(early).held).toBe(0);
    expect(early.overall.held).toBe(3);
    expect(peer(later).held).toBe(1);
    expect(peer(now)).toMatchObject({ held: 2, cancelled: 1 });
    // The revision (reach 0.25, 2 peer meetings a month) is known from session 2.
    expect(early.settings!.targets.reachShare).toBe(0.5);
    expect(later.settings!.targets.reachShare).toBe(0.25);
    // Session 3 registers "other-3" as measuring something else: c4's response stops counting as satisfaction.
    const training = (report: AssessmentReport) => report.activities.find((line) => line.kind === 'training_course')!;
    expect(training(later).satisfaction.answered).toBe(2);
    expect(training(now).satisfaction.answered).toBe(1);
    // Goals: G2 unfulfilled (session 3, dated 21 March) then partially reached on 2 April.
    expect(later.goals).toMatchObject({ reached: 1, notAssessed: 1 });
    expect(now.goals).toMatchObject({ reached: 1, partiallyReached: 1, notAssessed: 0 });
    // pt-2 heard of the service through the page (5 March) and the site (18 March): one new patient.
    expect(now.newPatientsInformed).toBe(2);
    // The extension (6 months) is known only now: the pilot ends 1 July instead of 1 May.
    expect(later.settings!.pilotMonths).toBe(4);
    expect(now.settings!.pilotMonths).toBe(6);
  });
});
