import { describe, expect, it } from '@jest/globals';
import { ACTIVITY_KINDS } from '#domain';
import { roundToBase } from '../signals/index.js';
import type { ActivityFigures, AssessmentReport, ReportScore } from './index.js';
import { roundAssessmentReport } from './report-rounding.js';
import { suppressAssessmentReport } from './report-suppression.js';

const SHOWN = { suppressed: false, suppressionReason: null } as const;
const NOT_MEASURED = { likes: false, visits: false, downloads: false, shares: false };
const NONE: ActivityFigures = {
  held: 0,
  cancelled: 0,
  attendances: 0,
  averageAttendees: null,
  distinctAttendees: 0,
  carerCount: 0,
  ...SHOWN,
  understanding: { average: null, answered: 0, carerCount: 0, ...SHOWN, target: null },
  satisfaction: { average: null, answered: 0, carerCount: 0, ...SHOWN, target: null },
};

/**
 * One training course held, attended by one carer per after-course quiz score given (each carer
 * answered one quiz); the overall figures are the course's. Reach: the same carers, of 30 eligible.
 */
function course(scores: readonly number[]): AssessmentReport {
  const n = scores.length;
  const average = scores.reduce((a, b) => a + b, 0) / n;
  const understanding: ReportScore = {
    average,
    answered: n,
    carerCount: n,
    ...SHOWN,
    target: {
      description: 'Average understanding of at least 0.75',
      value: 0.75,
      met: average >= 0.75,
      outcome: average >= 0.75 ? 'met' : 'missed',
    },
  };
  const figures: ActivityFigures = {
    ...NONE,
    held: 1,
    attendances: n,
    averageAttendees: n,
    distinctAttendees: n,
    carerCount: n,
    understanding,
  };
  return {
    projectId: 'p',
    window: null,
    defaultWindow: true,
    asOf: null,
    knownAt: null,
    settings: null,
    pilotMonthsInWindow: 3,
    activities: ACTIVITY_KINDS.map((kind) => ({
      kind,
      ...(kind === 'training_course' ? figures : NONE),
      target: null,
    })),
    overall: figures,
    goals: {
      total: 0,
      reached: 0,
      partiallyReached: 0,
      unfulfilled: 0,
      notAssessed: 0,
      goals: [],
      selfOrganising: { description: 'self-organising', value: 1, met: false, outcome: 'missed' },
      selfOrganisingSince: null,
    },
    channels: [],
    channelTotals: { readings: 0, likes: null, visits: null, downloads: null, shares: null, measured: NOT_MEASURED },
    newPatientsInformed: 0,
    newPatientsInformedMeasured: false,
    reach: {
      distinctCarers: n,
      carerCount: n,
      ...SHOWN,
      eligible: 30,
      share: n / 30,
      target: 0.2,
      targetCarers: 6,
      met: n >= 6,
      outcome: n >= 6 ? 'met' : 'missed',
    },
    carerCount: n,
    suppressed: false,
  };
}

const asResearcher = (report: AssessmentReport) => roundAssessmentReport(suppressAssessmentReport(report, 5));
/** What the report tells about the sum of the quiz scores: average × answered. */
const quizSum = (report: AssessmentReport) =>
  report.overall.understanding.average! * report.overall.understanding.answered!;

describe('disclosure control of the assessment report against differencing (rounding)', () => {
  // A sixth carer's after-course quiz (0.7) is recorded between two asOf moments.
  const before = course([0.6, 0.8, 0.5, 0.9, 0.7]);
  const after = course([0.6, 0.8, 0.5, 0.9, 0.7, 0.7]);

  it('without the control, two reports over 5 and 6 carers give the sixth carer’s score by subtraction', () => {
    const [a, b] = [before, after].map((r) => suppressAssessmentReport(r, 5));
    expect(a!.suppressed || b!.suppressed).toBe(false);
    expect(quizSum(b!) - quizSum(a!)).toBeCloseTo(0.7, 9);
  });

  it('with the control, the researcher’s two reports leave the score undetermined', () => {
    const [a, b] = [asResearcher(before), asResearcher(after)];
    // Sums 3.5 and 4.2 → 4 and 4; answered 5 and 6 → 5 and 5: both averages 0.8, the target (0.75) met.
    const met = { met: true, outcome: 'met' };
    expect(a.overall.understanding).toMatchObject({ average: 0.8, answered: 5, carerCount: 5, target: met });
    expect(b.overall.understanding).toMatchObject({ average: 0.8, answered: 5, carerCount: 5, target: met });
    // Any score of a 10-question quiz but a perfect one explains both (a hidden sum of 3.5 to 4.4).
    const sums = Array.from({ length: 51 }, (_, i) => i / 10);
    const possible = Array.from({ length: 11 }, (_, i) => i / 10).filter((k) =>
      sums.some((s) => roundToBase(s, 1) === 4 && roundToBase(s + k, 1) === 4),
    );
    expect(possible).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it('rounds counts to 5 and recomputes what is built on them; figures not about carers stay exact', () => {
    const shown = asResearcher(course([1, 1, 1, 1, 1, 1, 1, 1]));
    const training = shown.activities.find((line) => line.kind === 'training_course')!;
    expect(training).toMatchObject({
      held: 1,
      attendances: 10,
      averageAttendees: 10,
      distinctAttendees: 10,
      carerCount: 10,
    });
    // 8 reached of 30 → 10: share 1/3, the target of 6 carers met.
    expect(shown.reach).toMatchObject({
      distinctCarers: 10,
      carerCount: 10,
      share: 0.333333333333,
      eligible: 30,
      met: true,
      outcome: 'met',
    });
    expect(shown.carerCount).toBe(10);
    expect(shown.activities.find((line) => line.kind === 'peer_meeting')).toMatchObject({ held: 0, attendances: 0 });
  });

  it('is deterministic and idempotent; withheld figures stay withheld', () => {
    expect(asResearcher(after)).toEqual(asResearcher(after));
    expect(roundAssessmentReport(asResearcher(after))).toEqual(asResearcher(after));
    const small = asResearcher(course([0.5, 0.5, 0.5]));
    expect(small.overall.understanding).toMatchObject({ average: null, answered: null, suppressed: true });
  });
});
