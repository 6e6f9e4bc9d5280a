import { describe, expect, it } from '@jest/globals';
import { launch, raiseConcern, resolveConcern, tick } from '../testing/warning-events.js';
import { brief, foldHistory } from '../testing/warning-fold-history.js';

const P = 'p1';
const rule = 'meeting_format_concerns_unresolved';

describe("rule MEETING_FORMAT_CONCERNS_UNRESOLVED: partners' concerns about the meetings' format left open (partnership barrier)", () => {
  it('raises at the due moment the history shows, even when the resolution itself is the next event', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      // Raised 1 February 12:00: due 30 days later, 3 March 12:00.
      raiseConcern(P, 'k1', '2025-02-01'),
      // Another category: never.
      raiseConcern(P, 'k2', '2025-02-01', 'workload'),
      // Resolved within 30 days: never.
      raiseConcern(P, 'k3', '2025-02-10'),
      resolveConcern(P, 'k3', '2025-02-20'),
      // Nothing happens between 3 March and the resolution of 10 March: raised at 3 March, resolved 10 March.
      resolveConcern(P, 'k1', '2025-03-10'),
      // k4 raised 1 April, due 1 May 12:00, passed by the tick of 5 May: raised then, still open.
      raiseConcern(P, 'k4', '2025-04-01'),
      tick(P, '2025-05-05'),
    ]);
    const concerns = warnings.filter((w) => w.rule === rule);
    expect(concerns.map(brief)).toEqual([
      {
        rule,
        subject: 'concern:k1',
        severity: 'warning',
        raisedAt: '2025-03-03T12:00:00.000Z',
        resolvedAt: '2025-03-10T12:00:00.000Z',
      },
      { rule, subject: 'concern:k4', severity: 'warning', raisedAt: '2025-05-01T12:00:00.000Z', resolvedAt: null },
    ]);
    expect(concerns[0]!.details).toEqual({
      concernId: 'k1',
      raisedByOrganisationId: 'org-university',
      raisedAt: '2025-02-01T12:00:00.000Z',
      dueAt: '2025-03-03T12:00:00.000Z',
      thresholdDays: 30,
    });
  });
});
