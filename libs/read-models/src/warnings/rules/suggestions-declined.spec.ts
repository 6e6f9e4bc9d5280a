import { describe, expect, it } from '@jest/globals';
import { declineSuggestion, launch, suggest, tick } from '../testing/warning-events.js';
import { brief, foldHistory } from '../testing/warning-fold-history.js';

const P = 'p1';
const rule = 'suggestions_declined_not_feasible';

/**
 * Defaults: a pattern from 3 declines, counted over the 180 days up to the project's clock.
 * - 10 Feb s1 (carer, budget): 1 → a notice, raised then;
 * - s2 is a provider's, s3 declined as out of scope: not counted;
 * - 2 Apr s4 (carer, rules): 2, still a notice;
 * - 3 May s5 (carer, budget): 3 → a warning (the same warning, escalated);
 * - 10 Aug: the window starts 11 Feb 12:00 (180 days before), s1 falls out: 2, a notice again;
 * - 31 Oct: the window starts 4 May 12:00, s4 and s5 fall out: none, resolved.
 */
const HISTORY = [
  launch(P, '2025-01-01'),
  suggest(P, 's1', '2025-02-01'),
  declineSuggestion(P, 's1', '2025-02-10', 'not_feasible_budget'),
  suggest(P, 's2', '2025-02-15', 'provider'),
  declineSuggestion(P, 's2', '2025-02-20', 'not_feasible_budget'),
  suggest(P, 's3', '2025-03-01'),
  declineSuggestion(P, 's3', '2025-03-05', 'out_of_scope'),
  suggest(P, 's4', '2025-04-01'),
  declineSuggestion(P, 's4', '2025-04-02', 'not_feasible_rules'),
  suggest(P, 's5', '2025-05-01'),
  declineSuggestion(P, 's5', '2025-05-03', 'not_feasible_budget'),
  tick(P, '2025-08-10'),
  tick(P, '2025-10-31'),
];

const after = (events: number) => foldHistory(P, HISTORY.slice(0, events)).warnings.filter((w) => w.rule === rule);

describe("rule SUGGESTIONS_DECLINED_NOT_FEASIBLE: carers' suggestions declined as not feasible (inability/impossibility to change)", () => {
  it('given one decline, raises a notice when it happens', () => {
    expect(after(3).map(brief)).toEqual([
      { rule, subject: 'project:p1', severity: 'notice', raisedAt: '2025-02-10T12:00:00.000Z', resolvedAt: null },
    ]);
    // The provider's suggestion and the one out of scope change nothing.
    expect(after(7)[0]!.details).toMatchObject({ declined: 1, suggestionIds: ['s1'] });
  });

  it('given a pattern of N in the window, escalates it to a warning with its numbers', () => {
    expect(after(9)[0]!.severity).toBe('notice');
    const [pattern] = after(11);
    expect(pattern!.severity).toBe('warning');
    expect(pattern!.raised_at).toBe('2025-02-10T12:00:00.000Z');
    expect(pattern!.details).toEqual({
      declined: 3,
      threshold: 3,
      windowDays: 180,
      notFeasibleBudget: 2,
      notFeasibleRules: 1,
      suggestionIds: ['s1', 's4', 's5'],
      from: '2025-02-10T12:00:00.000Z',
      to: '2025-05-03T12:00:00.000Z',
    });
    expect(pattern!.related_ids).toEqual(['s1', 's4', 's5']);
  });

  it('as the window moves on, drops back to a notice, then resolves once none is left', () => {
    const [notice] = after(12);
    expect(notice).toMatchObject({ severity: 'notice', resolved_at: null });
    expect(notice!.details).toMatchObject({ declined: 2, suggestionIds: ['s4', 's5'] });
    expect(after(13).map(brief)).toEqual([
      {
        rule,
        subject: 'project:p1',
        severity: 'notice',
        raisedAt: '2025-02-10T12:00:00.000Z',
        resolvedAt: '2025-10-31T12:00:00.000Z',
      },
    ]);
  });
});
