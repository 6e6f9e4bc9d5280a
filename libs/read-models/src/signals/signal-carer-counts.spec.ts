import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pilot } from '../testing/index.js';
import type { SignalReport } from './signal-report.js';
import { SignalsHarness } from './testing/signals-harness.js';
import { indicator } from './testing/signals-pilot-history.js';

/**
 * The reach indicator's carers count only in projects whose reach target is above 0 at the period's
 * end, which only the project histories say: a territory of three projects, one with a target
 * throughout (A), one without (B: no eligible carers), one whose target is revised to 0 in
 * February (C). Carer `s` attends in A in January and in B in February.
 */
describe('carer counts of the reach indicator across projects with and without a reach target', () => {
  const a = pilot('cc-a');
  const b = pilot('cc-b');
  const c = pilot('cc-c');
  let harness: SignalsHarness;
  let january: SignalReport;
  let february: SignalReport;

  beforeAll(async () => {
    harness = await SignalsHarness.open();
    await harness.append([
      a.launch('2024-12-01'),
      b.launch('2024-12-01', { eligibleCarers: 0 }),
      c.launch('2024-12-01'),
      ...a.attended('A1', ['a1', 'a2', 's'], '2025-01-10'),
      ...c.attended('C1', ['c1'], '2025-01-12'),
      c.revise('2025-02-15', { reachShare: 0 }),
      ...a.attended('A2', ['a3'], '2025-02-10'),
      ...b.attended('B1', ['b1', 's'], '2025-02-11'),
    ]);
    await harness.project();
    const series = await harness.reader.series({
      scope: { territoryId: 'valley' },
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2025-03-01T00:00:00Z'),
      granularity: 'MONTH',
    });
    [january, february] = series.periods as [SignalReport, SignalReport];
  });

  afterAll(() => harness.close());

  it('counts the carers reached in the projects with a target at each period end', () => {
    // January: A (a1, a2, s) and C (c1), whose target is still above 0 on 1 February.
    expect(indicator(january.signals.engagement, 'reach')).toMatchObject({ numerator: 4, carerCount: 4 });
    // February: A alone (a1, a2, s, a3); b1 and s in B, c1 in C do not count for reach.
    expect(indicator(february.signals.engagement, 'reach')).toMatchObject({ numerator: 4, carerCount: 4 });
  });

  it('counts a carer once in the unions, whichever of its sources it comes from', () => {
    // February's attendances: a3, b1, s; with the reached a1, a2, s, a3: five carers.
    expect(indicator(february.signals.engagement, 'attendancePerActivity').carerCount).toBe(3);
    expect(february.signals.engagement.carerCount).toBe(5);
    expect(february.carerCount).toBe(5);
    // January: attended and reached are the same four carers.
    expect(january.signals.engagement.carerCount).toBe(4);
    expect(january.carerCount).toBe(4);
  });
});
