import { describe, expect, it } from '@jest/globals';
import { cancel, decide, launch, revise, schedule } from '../testing/warning-events.js';
import { brief, foldHistory } from '../testing/warning-fold-history.js';

const P = 'p1';

describe('rule CARERS_NOT_CONSULTED: a decision that covers several activities', () => {
  it('given a decision over the carers’ heads about three sessions, raises one warning related to each; the revision that consults the carers resolves it and every cancellation it covers', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      schedule(P, 'a1', '2025-02-12T15:00:00.000Z', '2025-01-20'),
      schedule(P, 'a2', '2025-02-19T15:00:00.000Z', '2025-01-20'),
      schedule(P, 'a3', '2025-02-26T15:00:00.000Z', '2025-01-20'),
      schedule(P, 'a4', '2025-03-05T15:00:00.000Z', '2025-01-20'),
      // a1 and a2 cancelled without the carers: a warning on each activity (10 and 17 February).
      cancel(P, 'a1', '2025-02-10', false),
      cancel(P, 'a2', '2025-02-17', false),
      // d1, over the carers' heads, covers a1, a2 and a3 (a3 not cancelled): one warning on the
      // decision, related to all three (20 February).
      decide(P, 'd1', '2025-02-20', { affectsCarers: true, carersConsulted: false, activityIds: ['a1', 'a2', 'a3'] }),
      // a4 is not covered by d1: its cancellation's warning (3 March) outlives the revision.
      cancel(P, 'a4', '2025-03-03', false),
      // The revision consults the carers (4 March): d1 resolved, and so are a1 and a2, which it
      // revisits with them; a3 never had a warning; a4 stays open.
      revise(P, 'd1', '2025-03-04', true),
    ]);
    const notConsulted = warnings.filter((w) => w.rule === 'carers_not_consulted');
    expect(notConsulted.map(brief)).toEqual([
      {
        rule: 'carers_not_consulted',
        subject: 'activity:a1',
        severity: 'warning',
        raisedAt: '2025-02-10T12:00:00.000Z',
        resolvedAt: '2025-03-04T12:00:00.000Z',
      },
      {
        rule: 'carers_not_consulted',
        subject: 'activity:a2',
        severity: 'warning',
        raisedAt: '2025-02-17T12:00:00.000Z',
        resolvedAt: '2025-03-04T12:00:00.000Z',
      },
      {
        rule: 'carers_not_consulted',
        subject: 'decision:d1',
        severity: 'warning',
        raisedAt: '2025-02-20T12:00:00.000Z',
        resolvedAt: '2025-03-04T12:00:00.000Z',
      },
      {
        rule: 'carers_not_consulted',
        subject: 'activity:a4',
        severity: 'warning',
        raisedAt: '2025-03-03T12:00:00.000Z',
        resolvedAt: null,
      },
    ]);
    const decision = notConsulted[2]!;
    expect(decision.related_ids).toEqual(['a1', 'a2', 'a3']);
    expect(decision.details).toEqual({ decisionId: 'd1', activityIds: ['a1', 'a2', 'a3'] });
  });

  it('given a decision taken with the carers about two cancelled sessions, resolves both cancellations at once and raises nothing', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      schedule(P, 'a1', '2025-02-12T15:00:00.000Z', '2025-01-20'),
      schedule(P, 'a2', '2025-02-19T15:00:00.000Z', '2025-01-20'),
      cancel(P, 'a1', '2025-02-10', false),
      cancel(P, 'a2', '2025-02-17', false),
      decide(P, 'd1', '2025-02-24', { affectsCarers: true, carersConsulted: true, activityIds: ['a2', 'a1'] }),
    ]);
    // (Two cancellations in a row also raise CANCELLATIONS_IN_A_ROW, another rule's matter.)
    expect(warnings.filter((w) => w.rule === 'carers_not_consulted').map(brief)).toEqual([
      {
        rule: 'carers_not_consulted',
        subject: 'activity:a1',
        severity: 'warning',
        raisedAt: '2025-02-10T12:00:00.000Z',
        resolvedAt: '2025-02-24T12:00:00.000Z',
      },
      {
        rule: 'carers_not_consulted',
        subject: 'activity:a2',
        severity: 'warning',
        raisedAt: '2025-02-17T12:00:00.000Z',
        resolvedAt: '2025-02-24T12:00:00.000Z',
      },
    ]);
  });

  it('given a decision about no activity, relates its warning to none', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      decide(P, 'd1', '2025-02-20', { affectsCarers: true, carersConsulted: false }),
    ]);
    expect(warnings.map((w) => [w.subject_id, w.related_ids, w.details])).toEqual([
      ['d1', [], { decisionId: 'd1', activityIds: [] }],
    ]);
  });
});
