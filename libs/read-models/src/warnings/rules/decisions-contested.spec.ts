import { describe, expect, it } from '@jest/globals';
import {
  cancel,
  contestCancellation,
  contestDecision,
  contestDecisionAsPartner,
  decide,
  launch,
  revise,
  schedule,
} from '../testing/warning-events.js';
import { brief, foldHistory } from '../testing/warning-fold-history.js';

const P = 'p1';

describe('rule DECISIONS_CONTESTED: carer-affecting decisions contested by carers (engagement barrier)', () => {
  it('given contests of a decision, raises one warning counting them, resolved by a revision; a later contest opens a new one', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      decide(P, 'd1', '2025-02-01', { affectsCarers: true, carersConsulted: false }),
      decide(P, 'd2', '2025-02-02', { affectsCarers: false, carersConsulted: false }),
      // Carers as a group contest d1: raised, 1 contest.
      contestDecision(P, 'd1', '2025-02-10'),
      // A carer in their own name: the same warning, 2 contests.
      contestDecision(P, 'd1', '2025-02-12', 'carer-7'),
      // d2 does not affect carers; a partner's objection is not the carers' contest: nothing.
      contestDecision(P, 'd2', '2025-02-13'),
      contestDecisionAsPartner(P, 'd1', '2025-02-14'),
      // The revision answers the contest: resolved on 1 March.
      revise(P, 'd1', '2025-03-01', true),
      // Contested again after the revision: a new warning, counting from 1.
      contestDecision(P, 'd1', '2025-03-10'),
    ]);
    const contested = warnings.filter((w) => w.rule === 'decisions_contested');
    expect(contested.map(brief)).toEqual([
      {
        rule: 'decisions_contested',
        subject: 'decision:d1',
        severity: 'warning',
        raisedAt: '2025-02-10T12:00:00.000Z',
        resolvedAt: '2025-03-01T12:00:00.000Z',
      },
      {
        rule: 'decisions_contested',
        subject: 'decision:d1',
        severity: 'warning',
        raisedAt: '2025-03-10T12:00:00.000Z',
        resolvedAt: null,
      },
    ]);
    expect(contested[0]!.details).toEqual({
      decisionId: 'd1',
      activityIds: [],
      contests: 2,
      carersConsulted: false,
      contestedAs: 'individual',
      grounds: 'Nobody asked us',
    });
    expect(contested[1]!.details).toMatchObject({ contests: 1, carersConsulted: true, contestedAs: 'group' });
  });

  it('given a cancellation contested directly, raises it on the activity; a decision about it taken with the carers resolves it', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      schedule(P, 'a1', '2025-04-10T15:00:00.000Z', '2025-03-20'),
      schedule(P, 'a2', '2025-04-17T15:00:00.000Z', '2025-03-20'),
      cancel(P, 'a1', '2025-04-08', false),
      contestCancellation(P, 'a1', '2025-04-09'),
      // a2 was not cancelled: nothing to contest.
      contestCancellation(P, 'a2', '2025-04-09'),
      // Revisited with the carers on 20 April: resolved (with the cancellation's rule-1 warning).
      decide(P, 'd3', '2025-04-20', { affectsCarers: true, carersConsulted: true, activityIds: ['a1'] }),
    ]);
    const contested = warnings.filter((w) => w.rule === 'decisions_contested');
    expect(contested.map(brief)).toEqual([
      {
        rule: 'decisions_contested',
        subject: 'activity:a1',
        severity: 'warning',
        raisedAt: '2025-04-09T12:00:00.000Z',
        resolvedAt: '2025-04-20T12:00:00.000Z',
      },
    ]);
    expect(contested[0]!.details).toMatchObject({ activityId: 'a1', kind: 'peer_meeting', contests: 1 });
    expect(warnings.find((w) => w.rule === 'carers_not_consulted')?.resolved_at).toBe('2025-04-20T12:00:00.000Z');
  });

  it('given a decision about several sessions contested by carers, relates its warning to each; the revision with the carers resolves it and every contested cancellation it covers', () => {
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      schedule(P, 'a1', '2025-04-10T15:00:00.000Z', '2025-03-20'),
      schedule(P, 'a2', '2025-04-17T15:00:00.000Z', '2025-03-20'),
      schedule(P, 'a3', '2025-04-24T15:00:00.000Z', '2025-03-20'),
      // a1 and a3 cancelled (with the carers, so no rule-1 warning), then contested by carers:
      // a warning on each activity (9 and 23 April).
      cancel(P, 'a1', '2025-04-08', true),
      contestCancellation(P, 'a1', '2025-04-09'),
      cancel(P, 'a3', '2025-04-22', true),
      contestCancellation(P, 'a3', '2025-04-23'),
      // d1, taken without the carers, covers a1 and a2; carers contest it (25 April): one warning on
      // the decision, related to a1 and a2.
      decide(P, 'd1', '2025-04-24', { affectsCarers: true, carersConsulted: false, activityIds: ['a1', 'a2'] }),
      contestDecision(P, 'd1', '2025-04-25'),
      // Revised with the carers (2 May): d1's contest is answered, and so is a1's, which it covers;
      // a3 is not covered and stays open.
      revise(P, 'd1', '2025-05-02', true),
    ]);
    const contested = warnings.filter((w) => w.rule === 'decisions_contested');
    expect(contested.map(brief)).toEqual([
      {
        rule: 'decisions_contested',
        subject: 'activity:a1',
        severity: 'warning',
        raisedAt: '2025-04-09T12:00:00.000Z',
        resolvedAt: '2025-05-02T12:00:00.000Z',
      },
      {
        rule: 'decisions_contested',
        subject: 'activity:a3',
        severity: 'warning',
        raisedAt: '2025-04-23T12:00:00.000Z',
        resolvedAt: null,
      },
      {
        rule: 'decisions_contested',
        subject: 'decision:d1',
        severity: 'warning',
        raisedAt: '2025-04-25T12:00:00.000Z',
        resolvedAt: '2025-05-02T12:00:00.000Z',
      },
    ]);
    expect(contested[2]!.related_ids).toEqual(['a1', 'a2']);
    expect(contested[2]!.details).toMatchObject({ decisionId: 'd1', activityIds: ['a1', 'a2'], contests: 1 });
  });
});
