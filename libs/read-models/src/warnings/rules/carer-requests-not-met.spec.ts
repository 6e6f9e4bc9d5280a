import { describe, expect, it } from '@jest/globals';
import { declineRequest, launch, makeRequest, meetRequest, tick } from '../testing/warning-events.js';
import { brief, foldHistory } from '../testing/warning-fold-history.js';

const P = 'p1';
const rule = 'carer_requests_not_met';

/**
 * Defaults: a pattern from 3 declined requests, counted over the 180 days up to the project's clock.
 * - 3 Feb r1 (substitute care hours) declined, an impossibility: 1 → a notice, raised then;
 * - r2 met: not counted;
 * - 2 Mar r3 (respite) declined, an inability: 2, still a notice;
 * - 3 Apr r4 (substitute care hours) declined, an inability: 3 → a warning (the same one, escalated);
 * - 2 Aug 12:00: r1 (3 Feb 12:00) leaves the 180-day window: 2, a notice again;
 * - 1 Oct: r4 left on 30 September: none, resolved.
 */
const HISTORY = [
  launch(P, '2025-01-01'),
  makeRequest(P, 'r1', '2025-02-01'),
  declineRequest(P, 'r1', '2025-02-03', 'impossibility'),
  makeRequest(P, 'r2', '2025-02-05', 'transport'),
  meetRequest(P, 'r2', '2025-02-06'),
  makeRequest(P, 'r3', '2025-03-01', 'respite'),
  declineRequest(P, 'r3', '2025-03-02', 'inability'),
  makeRequest(P, 'r4', '2025-04-01'),
  declineRequest(P, 'r4', '2025-04-03', 'inability'),
  tick(P, '2025-08-02'),
  tick(P, '2025-10-01'),
];

const after = (events: number) => foldHistory(P, HISTORY.slice(0, events)).warnings.filter((w) => w.rule === rule);

describe('rule CARER_REQUESTS_NOT_MET: carers asking for what the providers cannot give (inability/impossibility to change)', () => {
  it('given one declined request, raises a notice when it is declined', () => {
    expect(after(3).map(brief)).toEqual([
      { rule, subject: 'project:p1', severity: 'notice', raisedAt: '2025-02-03T12:00:00.000Z', resolvedAt: null },
    ]);
    // A request met changes nothing.
    expect(after(5)[0]!.details).toMatchObject({ declined: 1, impossibility: 1, inability: 0, requestIds: ['r1'] });
  });

  it('given a pattern in the window, escalates it to a warning telling impossibility from inability', () => {
    expect(after(7)[0]!.severity).toBe('notice');
    const [pattern] = after(9);
    expect(pattern!.severity).toBe('warning');
    expect(pattern!.raised_at).toBe('2025-02-03T12:00:00.000Z');
    expect(pattern!.details).toEqual({
      declined: 3,
      threshold: 3,
      windowDays: 180,
      impossibility: 1,
      inability: 2,
      byCategory: { substitute_care_hours: 2, respite: 1 },
      requestIds: ['r1', 'r3', 'r4'],
      from: '2025-02-03T12:00:00.000Z',
      to: '2025-04-03T12:00:00.000Z',
    });
    expect(pattern!.message).toContain('1 an impossibility (outside their choice), 2 an inability (theirs to change)');
    expect(pattern!.related_ids).toEqual(['r1', 'r3', 'r4']);
  });

  it('as the window moves on, drops back to a notice, then resolves once none is left', () => {
    const [notice] = after(10);
    expect(notice).toMatchObject({ severity: 'notice', resolved_at: null });
    expect(notice!.details).toMatchObject({ declined: 2, impossibility: 0, inability: 2, requestIds: ['r3', 'r4'] });
    expect(after(11).map(brief)).toEqual([
      {
        rule,
        subject: 'project:p1',
        severity: 'notice',
        raisedAt: '2025-02-03T12:00:00.000Z',
        resolvedAt: '2025-10-01T12:00:00.000Z',
      },
    ]);
  });
});
