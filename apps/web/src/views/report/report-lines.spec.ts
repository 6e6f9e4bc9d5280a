import { describe, expect, it } from '@jest/globals';
import {
  kindLabel,
  measuredCount,
  share,
  suppressionNotes,
  targetRows,
  verdictOf,
  verdictOfTarget,
  windowOf,
  windowText,
  type LineLike,
  type ReportLike,
} from './report-lines';

const score = (average: number | null, answered: number, met: boolean | null, suppressed = false) => ({
  average,
  answered,
  suppressed,
  suppressionReason: suppressed
    ? 'Computed over fewer than 5 carers: withheld so that no carer can be singled out.'
    : null,
  target: { description: 'at least 0.75', value: 0.75, met },
});

const line = (kind: string, held: number, target: number | null, met: boolean | null): LineLike => ({
  kind,
  held,
  cancelled: 0,
  suppressed: false,
  understanding: score(null, 0, null),
  satisfaction: score(null, 0, null),
  target: target === null ? null : { description: `${target} due`, value: target, met },
});

const report = (overrides: Partial<ReportLike> = {}): ReportLike => ({
  activities: [
    line('training_course', 18, 20, false),
    line('peer_meeting', 17, 20, false),
    line('committee_meeting', 5, 5, true),
    line('co_design_workshop', 3, null, null),
  ],
  overall: {
    held: 43,
    cancelled: 5,
    suppressed: false,
    understanding: score(0.873983739837, 164, true),
    satisfaction: score(0.863397672438, 271, true),
  },
  reach: {
    distinctCarers: 75,
    eligible: 320,
    share: 0.234375,
    target: 1 / 3,
    targetCarers: 106.666666666667,
    met: false,
    suppressed: false,
  },
  goals: {
    selfOrganising: { description: 'self-organising', value: 1, met: true },
    selfOrganisingSince: '2025-07-12T11:58:00.000Z',
  },
  ...overrides,
});

describe('the report in words', () => {
  it('names activity kinds and verdicts', () => {
    expect(kindLabel('co_assessment_workshop')).toBe('Co-assessment workshops');
    expect(kindLabel('something_new')).toBe('Something new');
    expect(verdictOf(true)).toBe('met');
    expect(verdictOf(false)).toBe('missed');
    expect(verdictOf(null)).toBe('not-judged');
    expect(verdictOf(true, true)).toBe('withheld');
    expect(share(0.890986314299)).toBe('89.1%');
  });

  it('takes the API’s outcome when given: not measured is neither met nor missed', () => {
    expect(verdictOfTarget({ met: null, outcome: 'not_measured' })).toBe('not-measured');
    expect(verdictOfTarget({ met: null, outcome: 'not_due' })).toBe('not-due');
    expect(verdictOfTarget({ met: false, outcome: 'missed' })).toBe('missed');
    expect(verdictOfTarget({ met: null, outcome: 'withheld' })).toBe('withheld');
    // Without an outcome (an older answer), met decides.
    expect(verdictOfTarget({ met: true })).toBe('met');
    expect(verdictOfTarget({ met: null })).toBe('not-judged');
    expect(verdictOfTarget(null)).toBe('not-judged');
  });

  it('says "not measured" for a figure nobody recorded, and 0 for a recorded zero', () => {
    expect(measuredCount(null, false)).toBe('not measured');
    expect(measuredCount(0, false)).toBe('not measured');
    expect(measuredCount(0, true)).toBe('0');
    expect(measuredCount(1234, true)).toBe('1,234');
  });

  it('marks a score target nobody answered as not measured, a cadence with nothing due as not due', () => {
    const rows = targetRows(
      report({
        activities: [
          {
            ...line('committee_meeting', 0, 0, null),
            target: { description: 'none due', value: 0, met: null, outcome: 'not_due' },
          },
        ],
        overall: {
          ...report().overall,
          understanding: {
            ...score(null, 0, null),
            target: { description: 'd', value: 0.75, met: null, outcome: 'not_measured' },
          },
        },
      }),
    );
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey['cadence:committee_meeting']).toMatchObject({
      verdict: 'not-due',
      note: 'no whole session due in this window',
    });
    expect(byKey.understanding).toMatchObject({
      verdict: 'not-measured',
      note: 'nobody answered',
      result: 'No quizzes yet',
    });
  });

  it('puts each target beside what the window shows, met or missed', () => {
    const rows = targetRows(report());
    expect(rows.map((row) => [row.key, row.verdict])).toEqual([
      ['cadence:training_course', 'missed'],
      ['cadence:peer_meeting', 'missed'],
      ['cadence:committee_meeting', 'met'],
      ['understanding', 'met'],
      ['satisfaction', 'met'],
      ['reach', 'missed'],
      ['self-organising', 'met'],
    ]);
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey['cadence:training_course']).toMatchObject({ target: 'At least 20 held', result: '18 held' });
    expect(byKey.understanding).toMatchObject({
      target: 'Average of at least 75%',
      result: '87.4% over 164 quizzes',
    });
    expect(byKey.reach).toMatchObject({
      target: '33.3% of 320 eligible carers (106.7 carers)',
      result: '75 carers (23.4%)',
    });
    expect(byKey['self-organising']!.result).toBe('Since 12 Jul 2025');
  });

  it('says why a target is not judged, and withholds small groups with the API’s reason', () => {
    const rows = targetRows(
      report({
        activities: [line('committee_meeting', 0, 0, null)],
        overall: {
          held: 1,
          cancelled: 0,
          suppressed: true,
          suppressionReason: 'too few',
          understanding: score(null, 0, null),
          satisfaction: score(null, 0, null, true),
        },
        reach: { eligible: 320, target: 1 / 3, targetCarers: 106.67, suppressed: true, suppressionReason: 'few' },
      }),
    );
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey['cadence:committee_meeting']).toMatchObject({
      verdict: 'not-judged',
      note: 'no whole session due in this window',
    });
    expect(byKey.understanding).toMatchObject({ verdict: 'not-judged', result: 'No quizzes yet' });
    expect(byKey.satisfaction).toMatchObject({ verdict: 'withheld', result: null });
    expect(byKey.satisfaction!.note).toMatch(/fewer than 5 carers/);
    expect(byKey.reach).toMatchObject({ verdict: 'withheld', result: null, note: 'few' });
  });

  it('lists what was withheld, where and why', () => {
    const withheld = { ...line('co_design_workshop', 1, null, null), suppressed: true, suppressionReason: 'small' };
    const notes = suppressionNotes(
      report({
        activities: [line('training_course', 0, 1, false), withheld],
        overall: { ...report().overall, suppressed: true, suppressionReason: 'small' },
        reach: { ...report().reach, suppressed: true, suppressionReason: null },
      }),
    );
    expect(notes.map((note) => note.where)).toEqual([
      'Co-design workshops: attendance',
      'All activities: attendance',
      'Reach',
    ]);
    expect(notes[0]!.reason).toBe('small');
    expect(notes[2]!.reason).toMatch(/withheld/);
    expect(suppressionNotes(report())).toEqual([]);
  });

  it('says a window in days, its end exclusive', () => {
    expect(windowText({ from: '2024-01-08T00:00:00.000Z', to: '2025-12-26T00:00:00.000Z' })).toBe(
      '8 Jan 2024 – 25 Dec 2025',
    );
    expect(windowText(null)).toBe('nothing of the project is visible');
  });
});

describe('the window the reader picks', () => {
  it('covers both days picked, or the whole project, saying why', () => {
    expect(windowOf(null, null)).toEqual({ window: null, problem: null });
    expect(windowOf('2025-01-01', '2025-03-31')).toEqual({
      window: { from: '2025-01-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' },
      problem: null,
    });
    expect(windowOf('2025-01-01', '2025-01-01').window).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-01-02T00:00:00.000Z',
    });
    expect(windowOf('2025-01-01', null).problem).toMatch(/both a first and a last day/);
    expect(windowOf('2025-02-01', '2025-01-01')).toMatchObject({
      window: null,
      problem: expect.stringMatching(/after/),
    });
  });
});
