import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withEngagementIndicator } from './testing/framework-variants.js';
import { fact, SignalsHarness } from './testing/signals-harness.js';
import { cancelled, indicator, launch, MARCH, P, schedule } from './testing/signals-pilot-history.js';

const scheduledAndCancelled = (activityId: string, at: string) => [
  schedule(activityId, 'peer_meeting', '2025-02-01'),
  cancelled(activityId, at),
];
const contested = (activityId: string, contestedByRole: string, at: string) =>
  fact(
    'ActivityCancellationContested',
    { activityId, projectId: P, contestedByRole, contestedByCarerId: null, grounds: 'nobody asked us' },
    at,
  );

const withContestedCancellations = withEngagementIndicator(
  'Default plus contested cancellations',
  'cancellationsUncontested',
);

describe('cancellationsUncontested: cancellations carers did not contest', () => {
  let harness: SignalsHarness;
  const framework = { id: 'contested', version: 1 };

  beforeAll(async () => {
    harness = await SignalsHarness.open();
    await harness.frameworks.register(framework.id, framework.version, withContestedCancellations, 'admin-1');
    await harness.append([
      launch(P, 'valley'),
      // C0 cancelled in February: outside the March window, even though carers contest it in March.
      ...scheduledAndCancelled('C0', '2025-02-20'),
      contested('C0', 'carer', '2025-03-02'),
      // C1 contested by a carer in March; C2 only by a provider (not a carer role);
      // C3 contested by the committee, but only in April, after the window.
      ...scheduledAndCancelled('C1', '2025-03-03'),
      contested('C1', 'carer', '2025-03-05'),
      ...scheduledAndCancelled('C2', '2025-03-10'),
      contested('C2', 'provider', '2025-03-11'),
      ...scheduledAndCancelled('C3', '2025-03-20'),
      contested('C3', 'committee', '2025-04-10'),
    ]);
    await harness.project();
  });
  afterAll(() => harness?.close());

  it('counts the cancellations of the window, less those carers contested before its end', async () => {
    const march = await harness.reader.report({ scope: { projectId: P }, window: MARCH, framework });
    // Cancelled in March: C1, C2, C3 = 3. Contested by carer or committee before 1 April: C1 → 2 / 3.
    expect(indicator(march.signals.engagement, 'cancellationsUncontested')).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
  });

  it('as of a moment before the contest, the cancellation still counts as uncontested', async () => {
    const asOf = new Date('2025-03-04T00:00:00Z');
    const early = await harness.reader.report({ scope: { projectId: P }, window: MARCH, framework, asOf });
    // Visible on 4 March: C1 cancelled on 3 March, not yet contested → 1 / 1.
    expect(indicator(early.signals.engagement, 'cancellationsUncontested')).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 1,
    });
  });

  it('is not in the default framework, whose values stay as released', async () => {
    const march = await harness.reader.report({ scope: { projectId: P }, window: MARCH });
    expect(march.signals.engagement.indicators.map((i) => i.key)).not.toContain('cancellationsUncontested');
  });
});
