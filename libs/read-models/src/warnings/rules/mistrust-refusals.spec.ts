import { describe, expect, it } from '@jest/globals';
import { declined, invite, launch, tick } from '../testing/warning-events.js';
import { brief, foldHistory } from '../testing/warning-fold-history.js';

const P = 'p1';
const rule = 'mistrust_refusals';

/**
 * Defaults: more than 20% of the invitations made in the last 90 days refused for mistrust, once
 * the window holds at least 5 invitations. Every event is dated at noon.
 */
describe('rule MISTRUST_REFUSALS: carers refusing invitations for mistrust (trust barrier)', () => {
  // - 3 Jan x1 refused for mistrust: 1 of 1, then 1 of 2 (4 Jan): too few invitations, nothing;
  // - 12 Jan, the 5th invitation: 1 of 5 = 20%, not above 20%: nothing;
  // - 20 Jan x2 refused for mistrust: 2 of 5 = 40% → raised then;
  // - 1-4 Feb four more invitations: 2 of 9 = 22%, still open;
  // - 5 Feb the 10th invitation: 2 of 10 = 20% → resolved.
  const HISTORY = [
    launch(P, '2025-01-01'),
    invite(P, 'x1', '2025-01-02'),
    declined(P, 'x1', 'mistrust', '2025-01-03'),
    invite(P, 'x2', '2025-01-04'),
    invite(P, 'a1', '2025-01-10'),
    invite(P, 'a2', '2025-01-11'),
    invite(P, 'a3', '2025-01-12'),
    // A refusal for another reason is no mistrust.
    declined(P, 'a3', 'no_time', '2025-01-13'),
    declined(P, 'x2', 'mistrust', '2025-01-20'),
    invite(P, 'a4', '2025-02-01'),
    invite(P, 'a5', '2025-02-02'),
    invite(P, 'a6', '2025-02-03'),
    invite(P, 'a7', '2025-02-04'),
    invite(P, 'a8', '2025-02-05'),
  ];
  const after = (events: number) => foldHistory(P, HISTORY.slice(0, events)).warnings.filter((w) => w.rule === rule);

  it('given too few invitations, or a share not above the threshold, raises nothing', () => {
    expect(after(4)).toEqual([]);
    expect(after(8)).toEqual([]);
  });

  it('given more than the share refused for mistrust, raises a warning when the refusal happens', () => {
    const [warning] = after(9);
    expect(brief(warning!)).toEqual({
      rule,
      subject: 'project:p1',
      severity: 'warning',
      raisedAt: '2025-01-20T12:00:00.000Z',
      resolvedAt: null,
    });
    expect(warning!.details).toEqual({
      refusedForMistrust: 2,
      invitations: 5,
      share: 0.4,
      thresholdShare: 0.2,
      minInvitations: 5,
      windowDays: 90,
      invitationIds: ['inv-x1', 'inv-x2'],
    });
    expect(after(13)[0]!.details).toMatchObject({ refusedForMistrust: 2, invitations: 9 });
  });

  it('resolves once enough invitations bring the share back to the threshold', () => {
    expect(after(14).map(brief)).toEqual([
      {
        rule,
        subject: 'project:p1',
        severity: 'warning',
        raisedAt: '2025-01-20T12:00:00.000Z',
        resolvedAt: '2025-02-05T12:00:00.000Z',
      },
    ]);
  });

  it('raises when history shows it: an invitation leaving the window, whatever event notices it', () => {
    // 2 of 10 refused for mistrust (20%) until a1, invited 10 January, leaves the window 90 days
    // later, on 10 April 12:00: 2 of 9 = 22% from then. The next event, on 12 April, notices it
    // (a2 and a3 have left too: 2 of 7). On 15 April a6 leaves: 2 of 4, too few → resolved.
    const { warnings } = foldHistory(P, [
      launch(P, '2025-01-01'),
      ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'].map((carer, i) =>
        invite(P, carer, `2025-01-${String(10 + i).padStart(2, '0')}`),
      ),
      invite(P, 'm1', '2025-03-01'),
      invite(P, 'm2', '2025-03-02'),
      declined(P, 'm1', 'mistrust', '2025-03-03'),
      declined(P, 'm2', 'mistrust', '2025-03-04'),
      tick(P, '2025-04-12'),
      tick(P, '2025-04-15T18:00:00.000Z'),
    ]);
    const mistrust = warnings.filter((w) => w.rule === rule);
    expect(mistrust.map(brief)).toEqual([
      {
        rule,
        subject: 'project:p1',
        severity: 'warning',
        raisedAt: '2025-04-10T12:00:00.000Z',
        resolvedAt: '2025-04-15T18:00:00.000Z',
      },
    ]);
  });

  it('lists the refused invitations in the order they were made, whatever order they were entered in', () => {
    // m0, invited on 1 January, is entered last: the same warning as had it been entered first (a
    // projection resumed from its tables and one replayed from the start must write the same rows).
    const late = [
      launch(P, '2025-01-01'),
      ...['a1', 'a2', 'a3'].map((carer, i) => invite(P, carer, `2025-01-0${2 + i}`)),
      invite(P, 'm1', '2025-01-06'),
      declined(P, 'm1', 'mistrust', '2025-01-07'),
      invite(P, 'm0', '2025-01-01T13:00:00.000Z'),
      declined(P, 'm0', 'mistrust', '2025-01-08'),
    ];
    const [warning] = foldHistory(P, late).warnings.filter((w) => w.rule === rule);
    expect(warning!.details).toMatchObject({ invitations: 5, invitationIds: ['inv-m0', 'inv-m1'] });
    expect(warning!.related_ids).toEqual(['inv-m0', 'inv-m1']);
  });
});
