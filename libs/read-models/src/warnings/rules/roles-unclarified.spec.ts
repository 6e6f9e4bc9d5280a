import { describe, expect, it } from '@jest/globals';
import {
  clarifyRoles,
  findRolesUnclear,
  joinPartnership,
  launch,
  leavePartnership,
  tick,
} from '../testing/warning-events.js';
import { brief, foldHistory } from '../testing/warning-fold-history.js';

const P = 'p1';
const rule = 'roles_unclarified';

describe('rule ROLES_UNCLARIFIED: partners whose roles are still unclarified a set time after joining (partnership barrier)', () => {
  it('raises at the due moment the history shows, even when the clarification itself is the next event', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      // Joined 15 January 12:00: due 60 days later, 16 March 12:00.
      joinPartnership(P, 'org-u', '2025-01-15'),
      // Clarified 21 days after joining: never raised.
      joinPartnership(P, 'org-c', '2025-01-20'),
      clarifyRoles(P, 'org-c', '2025-02-10'),
      // Nothing happens between 16 March and the clarification of 1 April (history entered after the
      // fact): raised at 16 March, resolved on 1 April.
      clarifyRoles(P, 'org-u', '2025-04-01'),
      // org-c's roles found unclear again on 1 May: a new spell, due 30 June 12:00.
      findRolesUnclear(P, 'org-c', '2025-05-01'),
      // org-x joins 1 June and leaves 20 June, before its due moment (31 July): nothing.
      joinPartnership(P, 'org-x', '2025-06-01'),
      leavePartnership(P, 'org-x', '2025-06-20'),
      // 15 July passes org-c's due moment: raised at 30 June, still open.
      tick(P, '2025-07-15'),
    ]);
    const unclarified = warnings.filter((w) => w.rule === rule);
    expect(unclarified.map(brief)).toEqual([
      {
        rule,
        subject: 'partner:org-u',
        severity: 'warning',
        raisedAt: '2025-03-16T12:00:00.000Z',
        resolvedAt: '2025-04-01T12:00:00.000Z',
      },
      { rule, subject: 'partner:org-c', severity: 'warning', raisedAt: '2025-06-30T12:00:00.000Z', resolvedAt: null },
    ]);
    expect(unclarified[0]!.details).toEqual({
      organisationId: 'org-u',
      unclearSince: '2025-01-15T12:00:00.000Z',
      dueAt: '2025-03-16T12:00:00.000Z',
      thresholdDays: 60,
    });
    expect(unclarified[1]!.details).toMatchObject({ unclearSince: '2025-05-01T12:00:00.000Z' });
  });

  it('a partner that leaves resolves its warning; a late clarification dated before a finding changes nothing', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      // Joined 5 January: due 6 March 12:00, passed by the tick of 10 March.
      joinPartnership(P, 'org-y', '2025-01-05'),
      tick(P, '2025-03-10'),
      // Found unclear on 12 March, then a clarification dated 11 March entered later: the finding,
      // the latest dated, stands.
      findRolesUnclear(P, 'org-y', '2025-03-12'),
      clarifyRoles(P, 'org-y', '2025-03-11'),
      leavePartnership(P, 'org-y', '2025-03-20'),
    ]);
    expect(warnings.filter((w) => w.rule === rule).map(brief)).toEqual([
      {
        rule,
        subject: 'partner:org-y',
        severity: 'warning',
        raisedAt: '2025-03-06T12:00:00.000Z',
        resolvedAt: '2025-03-20T12:00:00.000Z',
      },
    ]);
  });
});
