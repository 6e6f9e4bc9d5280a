import { describe, expect, it } from '@jest/globals';
import { ACTIVITY_KINDS } from '#domain';
import type { ActivityFigures, ActivityKindLine, AssessmentReport, ReportScore } from './index.js';
import { suppressAssessmentReport } from './report-suppression.js';

/**
 * Hand-made reports: every figure is consistent with the carer counts given (a line over n carers
 * has n attendances at one held activity, n answers scoring 0.8 on average).
 */
const SHOWN = { suppressed: false, suppressionReason: null } as const;

const score = (carers: number, threshold: number): ReportScore => ({
  average: carers > 0 ? 0.8 : null,
  answered: carers,
  carerCount: carers,
  ...SHOWN,
  target: {
    description: 'Average of at least …',
    value: threshold,
    met: carers > 0 ? 0.8 >= threshold : null,
    outcome: carers > 0 ? (0.8 >= threshold ? 'met' : 'missed') : 'not_measured',
  },
});

function figures(carers: number, held = carers > 0 ? 1 : 0): ActivityFigures {
  return {
    held,
    cancelled: 1,
    attendances: carers,
    averageAttendees: held > 0 ? carers / held : null,
    distinctAttendees: carers,
    carerCount: carers,
    ...SHOWN,
    understanding: score(carers, 0.7),
    satisfaction: score(carers, 0.75),
  };
}

/** A report with the given carers per activity kind (in ACTIVITY_KINDS order), overall their sum. */
function report(perKind: readonly number[], reached = perKind.reduce((a, b) => a + b, 0)): AssessmentReport {
  const activities: ActivityKindLine[] = ACTIVITY_KINDS.map((kind, index) => ({
    kind,
    ...figures(perKind[index] ?? 0),
    target: index < 3 ? { description: 'cadence', value: 1, met: true, outcome: 'met' } : null,
  }));
  const total = perKind.reduce((a, b) => a + b, 0);
  return {
    projectId: 'p',
    window: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') },
    defaultWindow: false,
    asOf: null,
    knownAt: null,
    settings: null,
    pilotMonthsInWindow: 3,
    activities,
    overall: figures(total, activities.filter((line) => line.held > 0).length),
    goals: {
      total: 1,
      reached: 1,
      partiallyReached: 0,
      unfulfilled: 0,
      notAssessed: 0,
      goals: [],
      selfOrganising: { description: 'self-organising', value: 1, met: true, outcome: 'met' },
      selfOrganisingSince: null,
    },
    channels: [],
    channelTotals: {
      readings: 2,
      likes: 10,
      visits: 100,
      downloads: null,
      shares: null,
      measured: { likes: true, visits: true, downloads: false, shares: false },
    },
    newPatientsInformed: 2,
    newPatientsInformedMeasured: true,
    reach: {
      distinctCarers: reached,
      carerCount: reached,
      ...SHOWN,
      eligible: 30,
      share: reached / 30,
      target: 0.3,
      targetCarers: 9,
      met: reached >= 9,
      outcome: reached >= 9 ? 'met' : 'missed',
    },
    carerCount: reached,
    suppressed: false,
  };
}

const WITHHELD_ATTENDANCE = {
  attendances: null,
  averageAttendees: null,
  distinctAttendees: null,
  carerCount: null,
  suppressed: true,
};
const withheldScore = (threshold: number) => ({
  average: null,
  answered: null,
  carerCount: null,
  suppressed: true,
  target: { value: threshold, met: null, outcome: 'withheld' },
});

describe('small-group suppression of the assessment report', () => {
  it('withholds every carer-derived figure of a report over 3 carers (threshold 5), keeping the rest', () => {
    const original = report([3]);
    const result = suppressAssessmentReport(original, 5);
    const training = result.activities[0]!;
    expect(training).toMatchObject({ ...WITHHELD_ATTENDANCE, held: 1, cancelled: 1, target: { met: true } });
    expect(training.suppressionReason).toContain('fewer than 5 carers');
    expect(training.understanding).toMatchObject(withheldScore(0.7));
    expect(training.satisfaction).toMatchObject(withheldScore(0.75));
    expect(result.overall).toMatchObject({ ...WITHHELD_ATTENDANCE, held: 1 });
    expect(result.reach).toMatchObject({
      distinctCarers: null,
      share: null,
      met: null,
      outcome: 'withheld',
      carerCount: null,
      suppressed: true,
      eligible: 30,
      target: 0.3,
      targetCarers: 9,
    });
    expect(result).toMatchObject({ carerCount: null, suppressed: true });
    // Not about carers: goals, channels, patients, settings, activities held.
    expect(result.goals).toEqual(original.goals);
    expect(result.channelTotals).toEqual(original.channelTotals);
    expect(result.newPatientsInformed).toBe(2);
    // Lines without carers (nothing held) are not marked.
    expect(result.activities[1]).toEqual(original.activities[1]);
    // The input is left alone.
    expect(original.activities[0]!.attendances).toBe(3);
  });

  it('shows a report over 5 carers (threshold 5) as it is', () => {
    const original = report([5]);
    expect(suppressAssessmentReport(original, 5)).toEqual(original);
  });

  it('takes the threshold as configured', () => {
    const original = report([3]);
    expect(suppressAssessmentReport(original, 3)).toEqual(original);
    expect(suppressAssessmentReport(original, 4).activities[0]!.suppressed).toBe(true);
    expect(suppressAssessmentReport(original, 4).activities[0]!.suppressionReason).toContain('fewer than 4 carers');
    expect(() => suppressAssessmentReport(original, 0)).toThrow(RangeError);
  });

  it('withholds each group by its own carers', () => {
    const original = report([20]);
    const training = original.activities[0]!;
    const mixed: AssessmentReport = {
      ...original,
      activities: [
        { ...training, understanding: { ...training.understanding, answered: 2, carerCount: 2 } },
        ...original.activities.slice(1),
      ],
      overall: {
        ...original.overall,
        understanding: { ...original.overall.understanding, answered: 2, carerCount: 2 },
      },
    };
    const result = suppressAssessmentReport(mixed, 5);
    expect(result.activities[0]).toMatchObject({ attendances: 20, suppressed: false });
    expect(result.activities[0]!.understanding).toMatchObject(withheldScore(0.7));
    expect(result.activities[0]!.satisfaction).toMatchObject({ average: 0.8, answered: 20, suppressed: false });
    expect(result.reach).toMatchObject({ distinctCarers: 20, suppressed: false });
    expect(result).toMatchObject({ carerCount: 20, suppressed: true });
  });

  it('withholds a second line so that a withheld one cannot be worked out from the overall', () => {
    // Training 10 carers, peer meetings 3, committee 6: overall 19, shown.
    const result = suppressAssessmentReport(report([10, 3, 6]), 5);
    const [training, peer, committee] = result.activities;
    expect(peer).toMatchObject(WITHHELD_ATTENDANCE);
    expect(peer!.suppressionReason).toContain('fewer than 5 carers');
    // The smallest line still shown (committee, 6 carers) goes too, saying why.
    expect(committee).toMatchObject(WITHHELD_ATTENDANCE);
    expect(committee!.suppressionReason).toContain('subtracting');
    expect(committee!.satisfaction).toMatchObject({ suppressed: true, average: null });
    expect(training).toMatchObject({ attendances: 10, suppressed: false });
    expect(result.overall).toMatchObject({ attendances: 19, suppressed: false });
    // What subtraction gives now covers 3 + 6 = 9 carers, not the 3 alone.
    const shown = result.activities.reduce((sum, line) => sum + (line.attendances ?? 0), 0);
    expect(result.overall.attendances! - shown).toBe(9);
  });

  it('needs no second line when the overall is withheld too, or when no other line has carers', () => {
    // Overall 4 carers: withheld, nothing to subtract from.
    const tiny = suppressAssessmentReport(report([2, 2], 12), 5);
    expect(tiny.overall.suppressed).toBe(true);
    expect(tiny.activities.filter((line) => line.suppressed)).toHaveLength(2);
    expect(tiny.reach).toMatchObject({ distinctCarers: 12, suppressed: false });
    // One line of 3 carers; the overall also counts 8 carers of activities of no visible kind.
    const lone = report([3]);
    const withUnknownKind = suppressAssessmentReport(
      { ...lone, overall: figures(11), reach: { ...lone.reach, distinctCarers: 11, carerCount: 11 }, carerCount: 11 },
      5,
    );
    expect(withUnknownKind.activities[0]!.suppressed).toBe(true);
    expect(withUnknownKind.activities.slice(1).every((line) => !line.suppressed)).toBe(true);
    expect(withUnknownKind.overall).toMatchObject({ attendances: 11, suppressed: false });
  });

  it('gives the same result when applied twice', () => {
    const once = suppressAssessmentReport(report([10, 3, 6]), 5);
    expect(suppressAssessmentReport(once, 5)).toEqual(once);
  });
});
