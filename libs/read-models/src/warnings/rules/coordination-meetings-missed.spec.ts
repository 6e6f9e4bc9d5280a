import { describe, expect, it } from '@jest/globals';
import { holdMeeting, launch, missMeeting, planMeeting, rescheduleMeeting } from '../testing/warning-events.js';
import { brief, foldHistory } from '../testing/warning-fold-history.js';

const P = 'p1';
const rule = 'coordination_meetings_missed_in_a_row';

describe('rule COORDINATION_MEETINGS_MISSED_IN_A_ROW (partnership barrier)', () => {
  it('given meetings missed one after the other by schedule, raises at N, critical at 2N, resolved by a meeting held later', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      planMeeting(P, 'm1', '2025-02-03T09:00:00.000Z', '2025-01-10'),
      planMeeting(P, 'm2', '2025-03-03T09:00:00.000Z', '2025-01-10'),
      planMeeting(P, 'm3', '2025-04-07T09:00:00.000Z', '2025-01-10'),
      planMeeting(P, 'm4', '2025-05-05T09:00:00.000Z', '2025-01-10'),
      planMeeting(P, 'm5', '2025-06-02T09:00:00.000Z', '2025-01-10'),
      // m1 missed: a run of 1 (< 2), nothing.
      missMeeting(P, 'm1', '2025-02-03'),
      // m2 missed: 2 in a row, raised on 3 March.
      missMeeting(P, 'm2', '2025-03-03'),
      // m3 moved after m4, then m4 missed: m1, m2, m4 (3); m3 missed: 4 = 2N, critical.
      rescheduleMeeting(P, 'm3', '2025-05-12T09:00:00.000Z', '2025-04-01'),
      missMeeting(P, 'm4', '2025-05-05'),
      missMeeting(P, 'm3', '2025-05-12'),
      // m5 held, scheduled after them all: the run ends, resolved on 2 June.
      holdMeeting(P, 'm5', '2025-06-02'),
    ]);
    const missed = warnings.filter((w) => w.rule === rule);
    expect(missed.map(brief)).toEqual([
      {
        rule,
        subject: 'project:p1',
        severity: 'critical',
        raisedAt: '2025-03-03T12:00:00.000Z',
        resolvedAt: '2025-06-02T12:00:00.000Z',
      },
    ]);
    expect(missed[0]!.details).toEqual({ missedInARow: 4, threshold: 2, meetingIds: ['m1', 'm2', 'm4', 'm3'] });
  });

  it('given a meeting held between two missed ones, raises nothing; a threshold of 1 raises on the first', () => {
    const history = [
      launch(P, '2025-01-01'),
      planMeeting(P, 'm1', '2025-02-03T09:00:00.000Z', '2025-01-10'),
      planMeeting(P, 'm2', '2025-03-03T09:00:00.000Z', '2025-01-10'),
      planMeeting(P, 'm3', '2025-04-07T09:00:00.000Z', '2025-01-10'),
      missMeeting(P, 'm1', '2025-02-03'),
      holdMeeting(P, 'm2', '2025-03-03'),
      missMeeting(P, 'm3', '2025-04-07'),
    ];
    expect(foldHistory(P, history).warnings.filter((w) => w.rule === rule)).toEqual([]);
    const strict = foldHistory(P, history, { coordinationMeetingsMissedInARow: 1 }).warnings.filter(
      (w) => w.rule === rule,
    );
    // m1 (raised 3 February, 1 = N), resolved by m2 held; m3 raises again (7 April), still open.
    expect(strict.map((w) => [w.raised_at, w.resolved_at, w.severity])).toEqual([
      ['2025-02-03T12:00:00.000Z', '2025-03-03T12:00:00.000Z', 'warning'],
      ['2025-04-07T12:00:00.000Z', null, 'warning'],
    ]);
  });
});
