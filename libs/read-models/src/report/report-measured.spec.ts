import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signalFactsProjection } from '../signals/index.js';
import { pilot, ReadModelHarness } from '../testing/index.js';
import { reportFactsProjection } from './report-facts.projection.js';
import { AssessmentReportReader, type AssessmentReport } from './index.js';

/**
 * Measured zero versus not measured, on a small hand-built pilot M (values worked out by hand).
 *
 * Launch (20 Dec 2024): a 4-month pilot from 1 Jan 2025; 1 training course a month, a committee
 * meeting every 2 months, satisfaction ≥ 0.75.
 *
 * ch-site (website), increments:
 *   [1 Jan, 1 Feb)  visits 0 (a recorded zero), downloads 3
 *   February        no reading
 *   [1 Mar, 1 Apr)  visits 25 (downloads not read)
 * ch-page (social page), running totals since the page opened on 1 Nov 2024:
 *   at 1 Feb  likes 100, shares 10  → gained [1 Nov, 1 Feb): likes 100, shares 10
 *   at 1 Mar  likes 100, shares not read → gained [1 Feb, 1 Mar): likes 0; shares not measured
 *   at 1 Apr  likes 130, shares 16  → gained [1 Mar, 1 Apr): likes 30, shares 16 − 10 = 6
 * ch-brochure: registered, never read.
 * New patients: ch-site's January checked, nobody heard through it (a measured 0); pt-1 heard
 * through ch-site on 10 March; nobody ever checked ch-page or ch-brochure.
 * Activities: T1 training course held 15 Jan [c1], c1's survey 3,3,3 on a 4-point scale → 0.75.
 */
const M = 'measured-p';
const p = pilot(M);
const HISTORY = [
  p.launch('2024-12-20'),
  p.channel('ch-site', 'website', '2025-01-02'),
  p.channel('ch-page', 'social_media_page', '2025-01-02'),
  p.channel('ch-brochure', 'brochure', '2025-01-02'),
  p.schedule('T1', 'training_course', '2025-01-05'),
  p.held('T1', '2025-01-15'),
  ...p.attended('T1', ['c1'], '2025-01-15'),
  p.survey('T1', 'c1', 'sat-4', 4, [3, 3, 3], '2025-01-15'),
  p.reading('ch-site', ['2025-01-01', '2025-02-01'], { visits: 0, downloads: 3 }, '2025-02-02'),
  p.reading('ch-page', ['2024-11-01', '2025-02-01'], { likes: 100, shares: 10 }, '2025-02-02', 'running_total'),
  p.patientsChecked('ch-site', ['2025-01-01', '2025-02-01'], '2025-02-03'),
  p.reading('ch-page', ['2024-11-01', '2025-03-01'], { likes: 100 }, '2025-03-02', 'running_total'),
  p.patient('ch-site', 'pt-1', '2025-03-10'),
  p.reading('ch-site', ['2025-03-01', '2025-04-01'], { visits: 25 }, '2025-04-02'),
  p.reading('ch-page', ['2024-11-01', '2025-04-01'], { likes: 130, shares: 16 }, '2025-04-02', 'running_total'),
];

const month = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const JANUARY = month('2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z');
const FEBRUARY = month('2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z');
const MARCH = month('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z');
const Q1 = month('2025-01-01T00:00:00Z', '2025-04-01T00:00:00Z');

const channel = (report: AssessmentReport, id: string) => report.channels.find((c) => c.channelId === id)!;
const line = (report: AssessmentReport, kind: string) => report.activities.find((l) => l.kind === kind)!;
const NOTHING = { likes: false, visits: false, downloads: false, shares: false };

describe('assessment report: measured zero versus not measured', () => {
  let harness: ReadModelHarness;
  let reader: AssessmentReportReader;

  beforeAll(async () => {
    harness = await ReadModelHarness.open({ projections: [signalFactsProjection, reportFactsProjection] });
    reader = new AssessmentReportReader(harness.database);
    await harness.append(HISTORY);
    await harness.project();
  });
  afterAll(() => harness.close());

  describe('given January: every figure recorded, some of them zero', () => {
    let report: AssessmentReport;
    beforeAll(async () => {
      report = await reader.report({ projectId: M, window: JANUARY });
    });

    it('shows a recorded zero as 0, measured, and a counter nobody read as null, not measured', () => {
      expect(channel(report, 'ch-site')).toMatchObject({
        readings: 1,
        visits: 0,
        downloads: 3,
        likes: null,
        shares: null,
        measured: { visits: true, downloads: true, likes: false, shares: false },
        readingKind: 'increment',
        measuredFrom: new Date('2025-01-01T00:00:00Z'),
        measuredTo: new Date('2025-02-01T00:00:00Z'),
      });
    });

    it('counts the first running total whole in the window holding its end, saying it covers more', () => {
      // Gained since the page opened on 1 Nov: 100 likes, 10 shares; measuredFrom before the window says so.
      expect(channel(report, 'ch-page')).toMatchObject({
        readings: 1,
        likes: 100,
        shares: 10,
        visits: null,
        measured: { likes: true, shares: true, visits: false, downloads: false },
        readingKind: 'running_total',
        measuredFrom: new Date('2024-11-01T00:00:00Z'),
        measuredTo: new Date('2025-02-01T00:00:00Z'),
      });
    });

    it('leaves a channel never read not measured, with nothing in its place', () => {
      expect(channel(report, 'ch-brochure')).toMatchObject({
        readings: 0,
        likes: null,
        visits: null,
        downloads: null,
        shares: null,
        measured: NOTHING,
        readingKind: null,
        measuredFrom: null,
        measuredTo: null,
        newPatientsInformed: 0,
        newPatientsInformedMeasured: false,
      });
    });

    it('totals every counter a channel measured: visits 0, downloads 3, likes 100, shares 10', () => {
      expect(report.channelTotals).toEqual({
        readings: 2,
        likes: 100,
        visits: 0,
        downloads: 3,
        shares: 10,
        measured: { likes: true, visits: true, downloads: true, shares: true },
      });
    });

    it('counts no new patient in a checked month as a measured 0', () => {
      expect(channel(report, 'ch-site')).toMatchObject({ newPatientsInformed: 0, newPatientsInformedMeasured: true });
      expect(channel(report, 'ch-page')).toMatchObject({ newPatientsInformed: 0, newPatientsInformedMeasured: false });
      expect(report).toMatchObject({ newPatientsInformed: 0, newPatientsInformedMeasured: true });
    });

    it('judges the targets met: 1 course expected, T1 held; satisfaction 0.75 ≥ 0.75', () => {
      const training = line(report, 'training_course');
      expect(training.target).toMatchObject({ value: 1, met: true, outcome: 'met' });
      expect(training.satisfaction).toMatchObject({ average: 0.75, answered: 1 });
      expect(training.satisfaction.target).toMatchObject({ met: true, outcome: 'met' });
      // Every 2 months over 1 month: no whole meeting due.
      expect(line(report, 'committee_meeting').target).toMatchObject({ value: 0, met: null, outcome: 'not_due' });
    });
  });

  describe('given February: nothing read on the site, the page total unchanged, no check, no course', () => {
    let report: AssessmentReport;
    beforeAll(async () => {
      report = await reader.report({ projectId: M, window: FEBRUARY });
    });

    it('shows the site not measured, never as 0', () => {
      expect(channel(report, 'ch-site')).toMatchObject({
        readings: 0,
        visits: null,
        downloads: null,
        measured: NOTHING,
        measuredFrom: null,
        newPatientsInformed: 0,
        // The January check ends on 1 February (half-open): it does not cover February.
        newPatientsInformedMeasured: false,
      });
    });

    it('shows an unchanged running total as a measured 0, and a counter the total left out as not measured', () => {
      // 100 − 100 = 0 likes; shares were not read on 1 March.
      expect(channel(report, 'ch-page')).toMatchObject({
        readings: 1,
        likes: 0,
        shares: null,
        measured: { likes: true, shares: false, visits: false, downloads: false },
        measuredFrom: new Date('2025-02-01T00:00:00Z'),
        measuredTo: new Date('2025-03-01T00:00:00Z'),
      });
      expect(report.channelTotals).toEqual({
        readings: 1,
        likes: 0,
        visits: null,
        downloads: null,
        shares: null,
        measured: { likes: true, visits: false, downloads: false, shares: false },
      });
    });

    it('says new patients were not measured rather than 0', () => {
      expect(report).toMatchObject({ newPatientsInformed: 0, newPatientsInformedMeasured: false });
    });

    it('judges the course cadence missed (none held is recorded) and satisfaction not measured (nobody answered)', () => {
      const training = line(report, 'training_course');
      expect(training).toMatchObject({ held: 0, target: { value: 1, met: false, outcome: 'missed' } });
      expect(training.satisfaction).toMatchObject({ average: null, answered: 0 });
      expect(training.satisfaction.target).toMatchObject({ value: 0.75, met: null, outcome: 'not_measured' });
    });
  });

  it('given March: the running total since the last one that gave each counter; a recorded patient is measured', async () => {
    const report = await reader.report({ projectId: M, window: MARCH });
    // Likes 130 − 100 = 30; shares 16 − 10 = 6 (the January total: 1 March left shares out).
    expect(channel(report, 'ch-page')).toMatchObject({ likes: 30, shares: 6, measured: { likes: true, shares: true } });
    expect(channel(report, 'ch-site')).toMatchObject({
      visits: 25,
      downloads: null,
      measured: { visits: true, downloads: false },
      newPatientsInformed: 1,
      newPatientsInformedMeasured: true,
    });
    expect(report).toMatchObject({ newPatientsInformed: 1, newPatientsInformedMeasured: true });
  });

  it('given the first quarter: the months add up (site visits 0 + 25, page likes 100 + 0 + 30, shares 10 + 6)', async () => {
    const report = await reader.report({ projectId: M, window: Q1 });
    expect(channel(report, 'ch-site')).toMatchObject({ readings: 2, visits: 25, downloads: 3 });
    expect(channel(report, 'ch-page')).toMatchObject({ readings: 3, likes: 130, shares: 16 });
    expect(report.channelTotals).toMatchObject({ readings: 5, likes: 130, visits: 25, downloads: 3, shares: 16 });
    expect(report).toMatchObject({ newPatientsInformed: 1, newPatientsInformedMeasured: true });
  });

  it('given the history as of 1 March: the February page total (entered 2 March) is not there, so February is not measured', async () => {
    const report = await reader.report({ projectId: M, window: FEBRUARY, asOf: new Date('2025-03-01T00:00:00Z') });
    expect(channel(report, 'ch-page')).toMatchObject({ readings: 0, likes: null, measured: NOTHING });
  });
});
