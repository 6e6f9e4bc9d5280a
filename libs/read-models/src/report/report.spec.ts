import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DomainError } from '#domain';
import { signalFactsProjection } from '../signals/index.js';
import { instrument, pilot, ReadModelHarness, type HistoryEvent } from '../testing/index.js';
import { REPORT_FACTS_TABLE, reportFactsProjection } from './report-facts.projection.js';
import { AssessmentReportReader, type ActivityKindLine, type AssessmentReport } from './index.js';
import { suppressAssessmentReport } from './report-suppression.js';

/**
 * A small hand-built pilot P, every report value worked out by hand in the comments.
 *
 * Launch (20 Dec 2024): 30 eligible carers, a 4-month pilot from 1 Jan 2025, targets: reach 0.5,
 * 1 training course and 1 peer meeting a month, a committee meeting every 2 months, satisfaction
 * ≥ 0.75, understanding ≥ 0.7. On 15 March the reach target is revised to 0.3; on 10 April the
 * pilot is extended by a month (5 months: it ends on 1 June).
 *
 * Activities (held or cancelled on the day shown, attendees in brackets):
 *   W1 co-design workshop   held 30 Dec 2024  [c8]
 *   T1 training course      held 15 Jan       [c1 c2 c3]   after-quiz c1 3/3, c2 2/3 (c1 before 1/3)
 *                                                          survey (3-point) c1 3,3,3 → 1; c2 3,2,2 → 7/9
 *   P1 peer meeting         held 22 Jan       [c3 c4]      survey (4-point) anonymous 4 → 1; c3 3 → 0.75
 *   C1 committee meeting    held  1 Feb       [c1 c2]
 *   T2 training course      held 12 Feb       [c1 c4]      after-quiz c4 1/3; c4 answered an instrument
 *                                                          that measures "other" (not satisfaction)
 *   P2 peer meeting         cancelled 20 Feb
 *   T3 training course      cancelled 10 Mar
 *   T4 training course      held 20 Mar       [c2 c5 c6 c7] after-quiz c5 2/3; survey c6 2,2,2 → 2/3
 *   P3 peer meeting         held 25 Mar       [c1]
 *   C2 committee meeting    held  2 Apr       [c1 c3 c4]
 *   T5 training course      held 15 Apr       [c9 c10]
 *   I1 information event    scheduled, never held
 *
 * Committee: goals G1–G4 defined on 5 Jan; G1 reached (20 Apr); G2 unfulfilled (20 Apr), then
 * reassessed partially reached (28 Apr); G3 unfulfilled (21 Apr); G4 never assessed. Self-organising
 * from 5 April.
 *
 * Channels: ch-site (website, 3 Jan): [Jan) visits 100 downloads 10, [Feb) visits 80 downloads 5,
 * [Mar) visits 60; ch-social (social page, 3 Jan): [Jan) likes 40 shares 5, [Feb) likes 20 shares 2;
 * ch-brochure (10 Jan, retired 31 Mar): no readings. Patients: pt-1 through the site (20 Jan), pt-2
 * through the page (15 Feb), pt-3 through the brochure (5 Mar), pt-1 again through the brochure (8 Mar).
 */
const P = 'report-p';
const p = pilot(P);

const HISTORY: HistoryEvent[] = [
  instrument('train-13', 'satisfaction', 3, '2024-12-01'),
  instrument('peer-4', 'satisfaction', 4, '2024-12-01'),
  instrument('other-3', 'other', 3, '2024-12-01'),
  p.launch('2024-12-20'),
  p.schedule('W1', 'co_design_workshop', '2024-12-21'),
  p.held('W1', '2024-12-30'),
  ...p.attended('W1', ['c8'], '2024-12-30'),
  p.channel('ch-site', 'website', '2025-01-03'),
  p.channel('ch-social', 'social_media_page', '2025-01-03'),
  p.goal('G1', '2025-01-05'),
  p.goal('G2', '2025-01-05'),
  p.goal('G3', '2025-01-05'),
  p.goal('G4', '2025-01-05'),
  p.schedule('T1', 'training_course', '2025-01-06'),
  p.schedule('P1', 'peer_meeting', '2025-01-06'),
  p.schedule('C1', 'committee_meeting', '2025-01-06'),
  p.channel('ch-brochure', 'brochure', '2025-01-10'),
  p.quiz('T1', 'c1', 'before', 1, '2025-01-15T14:00:00Z'),
  p.held('T1', '2025-01-15'),
  ...p.attended('T1', ['c1', 'c2', 'c3'], '2025-01-15'),
  p.quiz('T1', 'c1', 'after', 3, '2025-01-15T17:00:00Z'),
  p.quiz('T1', 'c2', 'after', 2, '2025-01-15T17:00:00Z'),
  p.survey('T1', 'c1', 'train-13', 3, [3, 3, 3], '2025-01-15T17:30:00Z'),
  p.survey('T1', 'c2', 'train-13', 3, [3, 2, 2], '2025-01-15T17:30:00Z'),
  p.patient('ch-site', 'pt-1', '2025-01-20'),
  p.held('P1', '2025-01-22'),
  ...p.attended('P1', ['c3', 'c4'], '2025-01-22'),
  p.survey('P1', null, 'peer-4', 4, [4], '2025-01-22T18:00:00Z'),
  p.survey('P1', 'c3', 'peer-4', 4, [3], '2025-01-22T18:00:00Z'),
  p.held('C1', '2025-02-01'),
  ...p.attended('C1', ['c1', 'c2'], '2025-02-01'),
  p.reading('ch-site', ['2025-01-01', '2025-02-01'], { visits: 100, downloads: 10 }, '2025-02-03'),
  p.reading('ch-social', ['2025-01-01', '2025-02-01'], { likes: 40, shares: 5 }, '2025-02-03'),
  p.schedule('T2', 'training_course', '2025-02-01'),
  p.schedule('P2', 'peer_meeting', '2025-02-01'),
  p.held('T2', '2025-02-12'),
  ...p.attended('T2', ['c1', 'c4'], '2025-02-12'),
  p.quiz('T2', 'c4', 'after', 1, '2025-02-12T17:00:00Z'),
  p.survey('T2', 'c4', 'other-3', 3, [1, 1, 1], '2025-02-12T17:30:00Z'),
  p.patient('ch-social', 'pt-2', '2025-02-15'),
  p.cancelled('P2', '2025-02-20'),
  p.schedule('T3', 'training_course', '2025-02-25'),
  p.schedule('T4', 'training_course', '2025-02-25'),
  p.schedule('P3', 'peer_meeting', '2025-02-25'),
  p.reading('ch-site', ['2025-02-01', '2025-03-01'], { visits: 80, downloads: 5 }, '2025-03-03'),
  p.reading('ch-social', ['2025-02-01', '2025-03-01'], { likes: 20, shares: 2 }, '2025-03-03'),
  p.patient('ch-brochure', 'pt-3', '2025-03-05'),
  p.patient('ch-brochure', 'pt-1', '2025-03-08'),
  p.cancelled('T3', '2025-03-10'),
  p.revise('2025-03-15', { reachShare: 0.3 }),
  p.held('T4', '2025-03-20'),
  ...p.attended('T4', ['c2', 'c5', 'c6', 'c7'], '2025-03-20'),
  p.quiz('T4', 'c5', 'after', 2, '2025-03-20T17:00:00Z'),
  p.survey('T4', 'c6', 'train-13', 3, [2, 2, 2], '2025-03-20T17:30:00Z'),
  p.held('P3', '2025-03-25'),
  ...p.attended('P3', ['c1'], '2025-03-25'),
  p.schedule('C2', 'committee_meeting', '2025-03-26'),
  p.schedule('I1', 'information_event', '2025-03-27'),
  p.retired('ch-brochure', '2025-03-31'),
  p.held('C2', '2025-04-02'),
  ...p.attended('C2', ['c1', 'c3', 'c4'], '2025-04-02'),
  p.reading('ch-site', ['2025-03-01', '2025-04-01'], { visits: 60 }, '2025-04-03'),
  p.selfOrganising('2025-04-05'),
  p.extend('2025-04-10', 1, 5),
  p.schedule('T5', 'training_course', '2025-04-10'),
  p.held('T5', '2025-04-15'),
  ...p.attended('T5', ['c9', 'c10'], '2025-04-15'),
  p.assess('G1', 'reached', '2025-04-20'),
  p.assess('G2', 'unfulfilled', '2025-04-20'),
  p.assess('G3', 'unfulfilled', '2025-04-21'),
  p.reassess('G2', 'unfulfilled', 'partially_reached', '2025-04-28'),
];

const line = (report: AssessmentReport, kind: string) => report.activities.find((l) => l.kind === kind)!;
const MARCH = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
const Q1 = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('assessment report', () => {
  let harness: ReadModelHarness;
  let reader: AssessmentReportReader;

  beforeAll(async () => {
    harness = await ReadModelHarness.open({ projections: [signalFactsProjection, reportFactsProjection] });
    reader = new AssessmentReportReader(harness.database);
    await harness.append(HISTORY);
    await harness.project();
  });
  afterAll(async () => {
    await harness?.close();
  });

  describe('over the whole project (the default window)', () => {
    let report: AssessmentReport;
    beforeAll(async () => {
      report = await reader.report({ projectId: P });
    });

    it('spans the project as recorded: from the day of its first fact to the day after its last', () => {
      // From: the earlier of the pilot's start (1 Jan) and the first fact, the launch on 20 Dec 2024 (noon),
      // at midnight. To: the later of the day after the last fact (28 Apr → 29 Apr) and the end of the
      // last reading period (1 Apr).
      expect(report.window).toEqual({
        from: new Date('2024-12-20T00:00:00Z'),
        to: new Date('2025-04-29T00:00:00Z'),
      });
      expect(report.defaultWindow).toBe(true);
      // Settings in force on 29 April: the 15 March revision (reach 0.3) and the extension (5 months).
      expect(report.settings).toMatchObject({
        pilotMonths: 5,
        pilotEnd: new Date('2025-06-01T00:00:00Z'),
        eligibleCarers: 30,
        targets: { reachShare: 0.3 },
      });
      // Pilot months [1 Jan, 1 Feb), [1 Feb, 1 Mar), [1 Mar, 1 Apr) whole, and 28 of April's 30 days.
      expect(report.pilotMonthsInWindow).toBeCloseTo(3 + 28 / 30, 9);
    });

    it('training courses: held, cancelled, attendance, understanding and satisfaction against targets', () => {
      const training = line(report, 'training_course');
      // Held T1, T2, T4, T5 = 4; cancelled T3 = 1. Attendances 3 + 2 + 4 + 2 = 11 → 11 / 4 = 2.75.
      // Distinct: {c1 c2 c3} ∪ {c1 c4} ∪ {c2 c5 c6 c7} ∪ {c9 c10} = 9.
      expect(training).toMatchObject({ held: 4, cancelled: 1, attendances: 11, averageAttendees: 2.75 });
      expect(training.distinctAttendees).toBe(9);
      // Cadence: 1 a month × 3.93 pilot months = 3.93 → 3 whole courses expected; 4 held → met.
      expect(training.target).toMatchObject({ value: 3, met: true });
      expect(training.target!.description).toContain('1 training course(s) a month');
      // Understanding: after-quizzes c1 3/3, c2 2/3, c4 1/3, c5 2/3 → (1 + 2/3 + 1/3 + 2/3) / 4 = (8/3) / 4 = 2/3;
      // below the 0.7 threshold. The before-quiz does not count.
      expect(training.understanding.answered).toBe(4);
      expect(training.understanding.average).toBeCloseTo(2 / 3, 12);
      expect(training.understanding.target).toMatchObject({ value: 0.7, met: false });
      // Satisfaction: c1 1, c2 (1 + 2/3 + 2/3) / 3 = 7/9, c6 2/3 → (1 + 7/9 + 6/9) / 3 = 22/27 ≈ 0.815 ≥ 0.75.
      // c4's answer on the "other" instrument is not a satisfaction response.
      expect(training.satisfaction.answered).toBe(3);
      expect(training.satisfaction.average).toBeCloseTo(22 / 27, 12);
      expect(training.satisfaction.target).toMatchObject({ value: 0.75, met: true });
    });

    it('peer meetings, committee meetings, workshops and information events', () => {
      const peer = line(report, 'peer_meeting');
      // Held P1, P3; cancelled P2. Attendances 2 + 1 = 3 → 1.5; distinct {c3 c4 c1} = 3.
      expect(peer).toMatchObject({
        held: 2,
        cancelled: 1,
        attendances: 3,
        averageAttendees: 1.5,
        distinctAttendees: 3,
      });
      // 1 a month × 3.93 → 3 expected; 2 held → missed.
      expect(peer.target).toMatchObject({ value: 3, met: false });
      // Satisfaction: anonymous 4/4 = 1 and c3 3/4 = 0.75 → 0.875 ≥ 0.75. No quiz for peer meetings.
      expect(peer.satisfaction).toMatchObject({ average: 0.875, answered: 2, target: { met: true } });
      expect(peer.understanding).toMatchObject({ average: null, answered: 0, target: { value: 0.7, met: null } });

      const committee = line(report, 'committee_meeting');
      // Held C1, C2: attendances 2 + 3 = 5 → 2.5; distinct {c1 c2 c3 c4} = 4.
      expect(committee).toMatchObject({ held: 2, cancelled: 0, attendances: 5, averageAttendees: 2.5 });
      expect(committee.distinctAttendees).toBe(4);
      // Every 2 months over 3.93 months = 1.97 → 1 whole meeting expected; 2 held → met.
      expect(committee.target).toMatchObject({ value: 1, met: true });

      // W1 (30 Dec 2024) is inside the default window; workshops have no cadence target.
      expect(line(report, 'co_design_workshop')).toMatchObject({
        held: 1,
        attendances: 1,
        averageAttendees: 1,
        distinctAttendees: 1,
        target: null,
      });
      expect(line(report, 'co_assessment_workshop')).toMatchObject({ held: 0, averageAttendees: null, target: null });
      // I1 was scheduled but neither held nor cancelled.
      expect(line(report, 'information_event')).toMatchObject({ held: 0, cancelled: 0, target: null });
      expect(report.activities.map((l: ActivityKindLine) => l.kind)).toEqual([
        'training_course',
        'peer_meeting',
        'committee_meeting',
        'co_design_workshop',
        'co_assessment_workshop',
        'information_event',
      ]);
    });

    it('overall: every activity together', () => {
      // Held 4 + 2 + 2 + 1 = 9; cancelled 1 + 1 = 2; attendances 11 + 3 + 5 + 1 = 20 → 20 / 9.
      // Distinct: c1–c10 = 10. Satisfaction (1 + 7/9 + 2/3 + 1 + 3/4) / 5 = (151/36) / 5 = 151/180.
      expect(report.overall).toMatchObject({ held: 9, cancelled: 2, attendances: 20, distinctAttendees: 10 });
      expect(report.overall.averageAttendees).toBeCloseTo(20 / 9, 12);
      expect(report.overall.understanding.average).toBeCloseTo(2 / 3, 12);
      expect(report.overall.satisfaction.answered).toBe(5);
      expect(report.overall.satisfaction.average).toBeCloseTo(151 / 180, 12);
    });

    it('reach: distinct carers against eligible × the reach share in force', () => {
      // c1–c10 attended something: 10 of 30 = 1/3; target 0.3 × 30 = 9 → met.
      expect(report.reach).toMatchObject({ distinctCarers: 10, eligible: 30, target: 0.3, targetCarers: 9, met: true });
      expect(report.reach.share).toBeCloseTo(1 / 3, 12);
    });

    it('counts the distinct carers behind each carer-derived figure (small-group suppression counts them)', () => {
      const training = line(report, 'training_course');
      // Attendance: 11 attendances by 9 distinct carers. Understanding: after-quizzes by c1, c2, c4, c5.
      // Satisfaction: c1, c2, c6 (c4's answer on the "other" instrument is not a satisfaction response).
      expect(training).toMatchObject({ attendances: 11, carerCount: 9, suppressed: false, suppressionReason: null });
      expect(training.understanding).toMatchObject({ answered: 4, carerCount: 4, suppressed: false });
      expect(training.satisfaction).toMatchObject({ answered: 3, carerCount: 3, suppressed: false });
      // Peer meetings: the anonymous response counts as a carer of its own, beside c3.
      expect(line(report, 'peer_meeting').satisfaction).toMatchObject({ answered: 2, carerCount: 2 });
      expect(line(report, 'peer_meeting').understanding).toMatchObject({ answered: 0, carerCount: 0 });
      // Overall: 20 attendances by c1–c10; responses by c1, c2 (T1), c3 and the anonymous one (P1), c6 (T4).
      expect(report.overall).toMatchObject({ attendances: 20, carerCount: 10 });
      expect(report.overall.satisfaction).toMatchObject({ answered: 5, carerCount: 5 });
      expect(report.reach).toMatchObject({ distinctCarers: 10, carerCount: 10, suppressed: false });
      // c1–c10 and the anonymous respondent.
      expect(report).toMatchObject({ carerCount: 11, suppressed: false });
    });

    it('committee goals by outcome, with the latest judgement', () => {
      // G1 reached; G2 unfulfilled then reassessed partially reached; G3 unfulfilled; G4 never assessed.
      expect(report.goals).toMatchObject({ total: 4, reached: 1, partiallyReached: 1, unfulfilled: 1, notAssessed: 1 });
      expect(report.goals.goals.map((g) => [g.goalId, g.outcome, g.reassessed])).toEqual([
        ['G1', 'reached', false],
        ['G2', 'partially_reached', true],
        ['G3', 'unfulfilled', false],
        ['G4', null, false],
      ]);
      expect(report.goals.goals[0]!.description).toBe('Goal G1');
      expect(report.goals.selfOrganising.met).toBe(true);
      expect(report.goals.selfOrganisingSince).toEqual(new Date('2025-04-05T12:00:00Z'));
    });

    it('channel counters summed over the readings, and new patients informed', () => {
      // Site: visits 100 + 80 + 60 = 240, downloads 10 + 5 = 15 (March has none), no likes or shares.
      // Page: likes 40 + 20 = 60, shares 5 + 2 = 7. Brochure: no reading, retired on 31 March.
      expect(report.channels).toEqual([
        {
          channelId: 'ch-site',
          kind: 'website',
          name: 'Channel ch-site',
          retired: false,
          readings: 3,
          likes: null,
          visits: 240,
          downloads: 15,
          shares: null,
          measured: { likes: false, visits: true, downloads: true, shares: false },
          readingKind: 'increment',
          measuredFrom: new Date('2025-01-01T00:00:00.000Z'),
          measuredTo: new Date('2025-04-01T00:00:00.000Z'),
          newPatientsInformed: 1,
          newPatientsInformedMeasured: true,
        },
        {
          channelId: 'ch-social',
          kind: 'social_media_page',
          name: 'Channel ch-social',
          retired: false,
          readings: 2,
          likes: 60,
          visits: null,
          downloads: null,
          shares: 7,
          measured: { likes: true, visits: false, downloads: false, shares: true },
          readingKind: 'increment',
          measuredFrom: new Date('2025-01-01T00:00:00.000Z'),
          measuredTo: new Date('2025-03-01T00:00:00.000Z'),
          newPatientsInformed: 1,
          newPatientsInformedMeasured: true,
        },
        {
          channelId: 'ch-brochure',
          kind: 'brochure',
          name: 'Channel ch-brochure',
          retired: true,
          readings: 0,
          likes: null,
          visits: null,
          downloads: null,
          shares: null,
          measured: { likes: false, visits: false, downloads: false, shares: false },
          readingKind: null,
          measuredFrom: null,
          measuredTo: null,
          // No reading, but patients recorded: what was recorded was measured.
          newPatientsInformed: 2,
          newPatientsInformedMeasured: true,
        },
      ]);
      expect(report.channelTotals).toEqual({
        readings: 5,
        likes: 60,
        visits: 240,
        downloads: 15,
        shares: 7,
        measured: { likes: true, visits: true, downloads: true, shares: true },
      });
      // pt-1, pt-2, pt-3: pt-1 heard again through the brochure but counts once.
      expect(report.newPatientsInformed).toBe(3);
    });
  });

  describe('over March 2025', () => {
    let report: AssessmentReport;
    beforeAll(async () => {
      report = await reader.report({ projectId: P, window: MARCH });
    });

    it('counts what happened in March against one pilot month', () => {
      // In force on 1 April: reach 0.3 (revised 15 March), 4 pilot months (the extension is 10 April).
      expect(report.settings).toMatchObject({ pilotMonths: 4, targets: { reachShare: 0.3 } });
      expect(report.pilotMonthsInWindow).toBe(1);
      const training = line(report, 'training_course');
      // T4 held (4 attendees), T3 cancelled; expected 1 → met. Understanding c5 2/3 < 0.7 → missed;
      // satisfaction c6 2/3 < 0.75 → missed.
      expect(training).toMatchObject({ held: 1, cancelled: 1, attendances: 4, averageAttendees: 4 });
      expect(training.target).toMatchObject({ value: 1, met: true });
      expect(training.understanding.average).toBeCloseTo(2 / 3, 12);
      expect(training.understanding.target!.met).toBe(false);
      expect(training.satisfaction).toMatchObject({ answered: 1, target: { met: false } });
      // P3 held (P2 was cancelled in February); expected 1 → met; no survey → satisfaction undecided.
      expect(line(report, 'peer_meeting')).toMatchObject({
        held: 1,
        cancelled: 0,
        target: { value: 1, met: true },
        satisfaction: { average: null, answered: 0, target: { met: null } },
      });
      // 1 month / every 2 months = 0.5 → no whole meeting expected: nothing to judge.
      expect(line(report, 'committee_meeting')).toMatchObject({ held: 0, target: { value: 0, met: null } });
      // Overall: 2 held, 1 cancelled, attendances 4 + 1 = 5, distinct {c2 c5 c6 c7 c1} = 5.
      expect(report.overall).toMatchObject({
        held: 2,
        cancelled: 1,
        attendances: 5,
        averageAttendees: 2.5,
        distinctAttendees: 5,
      });
    });

    it('reach and goals are taken at the end of March', () => {
      // Carers of activities held before 1 April: c8, c1, c2, c3, c4, c5, c6, c7 = 8 < 9 → missed.
      expect(report.reach).toMatchObject({ distinctCarers: 8, targetCarers: 9, met: false });
      // Goals defined, none judged yet; self-organising only from 5 April.
      expect(report.goals).toMatchObject({ total: 4, notAssessed: 4, reached: 0, selfOrganising: { met: false } });
    });

    it('readings belong to the window their period ends in; patients to the day they were informed', () => {
      // Only the site's [1 Mar, 1 Apr) reading ends in (1 Mar, 1 Apr]; the February readings end on 1 March.
      expect(report.channels.map((c) => [c.channelId, c.readings, c.visits, c.likes, c.newPatientsInformed])).toEqual([
        ['ch-site', 1, 60, null, 0],
        ['ch-social', 0, null, null, 0],
        ['ch-brochure', 0, null, null, 2],
      ]);
      // Nothing read the page in March: its likes are not measured (null), not 0.
      expect(report.channelTotals).toEqual({
        readings: 1,
        likes: null,
        visits: 60,
        downloads: null,
        shares: null,
        measured: { likes: false, visits: true, downloads: false, shares: false },
      });
      // pt-3 is new in March; pt-1 was first informed in January.
      expect(report.newPatientsInformed).toBe(1);
    });
  });

  it('over the first quarter: cadence met for courses and the committee, missed for peer meetings', async () => {
    const report = await reader.report({ projectId: P, window: Q1 });
    expect(report.pilotMonthsInWindow).toBe(3);
    // Courses: 3 expected, T1 T2 T4 held. Peer meetings: 3 expected, P1 P3 held. Committee: 3 / 2 = 1.5 → 1, C1 held.
    expect(line(report, 'training_course').target).toMatchObject({ value: 3, met: true });
    expect(line(report, 'peer_meeting').target).toMatchObject({ value: 3, met: false });
    expect(line(report, 'committee_meeting').target).toMatchObject({ value: 1, met: true });
    // W1 (30 Dec 2024) is outside.
    expect(line(report, 'co_design_workshop').held).toBe(0);
  });

  it('travels in time: as of 1 February only January is known', async () => {
    const report = await reader.report({
      projectId: P,
      window: Q1,
      asOf: new Date('2025-02-01T00:00:00Z'),
    });
    // T1 and P1 held; C1 (1 Feb, noon) not yet. Reach target still the launch's 0.5 × 30 = 15.
    expect(report.overall).toMatchObject({ held: 2, attendances: 5 });
    expect(report.reach).toMatchObject({ distinctCarers: 5, target: 0.5, targetCarers: 15, met: false });
    expect(report.channelTotals.readings).toBe(0);
    expect(report.newPatientsInformed).toBe(1);
  });

  it('counts the carers of the facts visible as of the moment asked, each carer once', async () => {
    const report = await reader.report({
      projectId: P,
      window: Q1,
      asOf: new Date('2025-02-01T00:00:00Z'),
    });
    // Held by then: T1 (c1 c2 c3) and P1 (c3 c4): 5 attendances by 4 carers. Quizzes: c1, c2. Responses: c1, c2
    // (T1), c3 and the anonymous one (P1). Reach since the start adds c8 (W1, December).
    expect(report.overall).toMatchObject({ attendances: 5, distinctAttendees: 4, carerCount: 4 });
    expect(report.overall.understanding.carerCount).toBe(2);
    expect(report.overall.satisfaction.carerCount).toBe(4);
    expect(report.reach).toMatchObject({ distinctCarers: 5, carerCount: 5 });
    expect(report.carerCount).toBe(6);

    // For a role that may not identify carers, with the default threshold of 5.
    const suppressed = suppressAssessmentReport(report, 5);
    const training = line(suppressed, 'training_course');
    expect(training).toMatchObject({ held: 1, attendances: null, carerCount: null, suppressed: true });
    expect(training.understanding).toMatchObject({ average: null, answered: null, suppressed: true });
    // Peer meetings (2 carers) withheld too; the overall, over 4 carers, as well — so no line needs withholding
    // to protect another.
    expect(line(suppressed, 'peer_meeting')).toMatchObject({ held: 1, attendances: null, suppressed: true });
    expect(suppressed.overall).toMatchObject({ held: 2, attendances: null, suppressed: true });
    expect(suppressed.reach).toMatchObject({ distinctCarers: 5, eligible: 30, suppressed: false });
    expect(suppressed).toMatchObject({ carerCount: 6, suppressed: true, newPatientsInformed: 1 });
  });

  it('before the launch nothing is visible: no window, no targets', async () => {
    const report = await reader.report({ projectId: P, asOf: new Date('2024-12-10T00:00:00Z') });
    expect(report.window).toBeNull();
    expect(report.settings).toBeNull();
    expect(report.overall.held).toBe(0);
    expect(report.reach.met).toBeNull();
  });

  it('refuses a bad window and an unknown project with typed errors', async () => {
    const backwards = await refusal(reader.report({ projectId: P, window: { from: MARCH.to, to: MARCH.from } }));
    expect(backwards).toMatchObject({ category: 'invalid', reason: 'INVALID_WINDOW' });
    const empty = await refusal(reader.report({ projectId: P, window: { from: MARCH.from, to: MARCH.from } }));
    expect(empty).toMatchObject({ category: 'invalid', reason: 'INVALID_WINDOW' });
    const invalidDate = await refusal(reader.report({ projectId: P, asOf: new Date('nonsense') }));
    expect(invalidDate).toMatchObject({ category: 'invalid', reason: 'INVALID_DATE' });
    const unknown = await refusal(reader.report({ projectId: 'nobody' }));
    expect(unknown).toMatchObject({ category: 'not_found', reason: 'PROJECT_NOT_FOUND' });
  });

  it('the report-facts projection writes one row per relevant event, once', async () => {
    const relevant = HISTORY.filter((h) => reportFactsProjection.eventTypes.includes(h.event.type)).length;
    const [{ n }] = (await harness.database.query<{ n: number }>(
      `select count(*)::int as n from ${REPORT_FACTS_TABLE}`,
    )) as [{ n: number }];
    // 3 instruments, 3 channels, 5 readings, 1 retirement, 4 patients, 4 goals, 3 assessments,
    // 1 reassessment, 1 self-organising = 25.
    expect(relevant).toBe(25);
    expect(n).toBe(relevant);

    // Applying the whole log again in one batch writes nothing new.
    const snapshot = async () =>
      (
        await harness.database.query<{ row: string }>(
          `select row_to_json(t)::text as row from ${REPORT_FACTS_TABLE} t order by event_id`,
        )
      ).map((r) => r.row);
    const before = await snapshot();
    await harness.applyBatch(reportFactsProjection, await harness.log());
    expect(await snapshot()).toEqual(before);
  });
});
