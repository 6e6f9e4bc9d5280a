import { describe, expect, it } from '@jest/globals';
import { accepted, launch, tick } from '../testing/warning-events.js';
import { brief, foldHistory } from '../testing/warning-fold-history.js';

const P = 'p1';
const rule = 'newcomers_only_by_word_of_mouth';

/** Defaults: every carer who joined in the last 90 days came by word of mouth, at least 3 of them. */
describe('rule NEWCOMERS_ONLY_BY_WORD_OF_MOUTH: the project reaches only those who already know it (trust barrier)', () => {
  it('given fewer newcomers than the minimum, raises nothing; at the minimum, when the last one joins', () => {
    const history = [
      launch(P, '2025-01-01'),
      accepted(P, 'w1', 'word_of_mouth', '2025-01-10'),
      accepted(P, 'w2', 'word_of_mouth', '2025-01-20'),
      accepted(P, 'w3', 'word_of_mouth', '2025-02-01'),
    ];
    expect(foldHistory(P, history.slice(0, 3)).warnings).toEqual([]);
    const [warning] = foldHistory(P, history).warnings;
    expect(brief(warning!)).toEqual({
      rule,
      subject: 'project:p1',
      severity: 'warning',
      raisedAt: '2025-02-01T12:00:00.000Z',
      resolvedAt: null,
    });
    expect(warning!.details).toEqual({ newcomers: 3, byWordOfMouth: 3, minNewcomers: 3, windowDays: 90 });
    expect(warning!.message).toContain('not reaching carers who do not already know someone in the project');
  });

  it("raises when the last newcomer through the project's channels leaves the window; resolves on the next one", () => {
    // c1 joined through a provider on 5 January: while it is in the window (until 5 April 12:00),
    // not every newcomer came by word of mouth. w4's acceptance of 20 April notices it: raised at 5
    // April, when the window held w1, w2, w3 only. p2, through a GP on 1 May, resolves it.
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      accepted(P, 'c1', 'provider', '2025-01-05'),
      accepted(P, 'w1', 'word_of_mouth', '2025-02-01'),
      accepted(P, 'w2', 'word_of_mouth', '2025-02-10'),
      accepted(P, 'w3', 'word_of_mouth', '2025-03-01'),
      accepted(P, 'w4', 'word_of_mouth', '2025-04-20'),
      accepted(P, 'p2', 'gp', '2025-05-01'),
    ]);
    expect(warnings.map(brief)).toEqual([
      {
        rule,
        subject: 'project:p1',
        severity: 'warning',
        raisedAt: '2025-04-05T12:00:00.000Z',
        resolvedAt: '2025-05-01T12:00:00.000Z',
      },
    ]);
    // Refreshed by w4: four newcomers, all by word of mouth.
    expect(warnings[0]!.details).toMatchObject({ newcomers: 4, byWordOfMouth: 4 });
  });

  it('notices the channel newcomer leaving the window on an event that changes no newcomer', () => {
    // Judged on change: w1-w3 joined after c1, so nothing about the newcomers changes until c1
    // leaves the window on 5 April 12:00; the first event after it, unrelated, must raise it.
    const history = [
      launch(P, '2025-01-01'),
      accepted(P, 'c1', 'provider', '2025-01-05'),
      accepted(P, 'w1', 'word_of_mouth', '2025-02-01'),
      accepted(P, 'w2', 'word_of_mouth', '2025-02-10'),
      accepted(P, 'w3', 'word_of_mouth', '2025-03-01'),
      tick(P, '2025-04-04'),
    ];
    expect(foldHistory(P, history).warnings).toEqual([]);
    const { warnings } = foldHistory(P, [...history, tick(P, '2025-04-06')]);
    expect(warnings.map(brief)).toEqual([
      { rule, subject: 'project:p1', severity: 'warning', raisedAt: '2025-04-05T12:00:00.000Z', resolvedAt: null },
    ]);
  });
});
