import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withEngagementIndicator } from './testing/framework-variants.js';
import { fact, SignalsHarness } from './testing/signals-harness.js';
import { indicator, launch, MARCH, P } from './testing/signals-pilot-history.js';

const taken = (decisionId: string, affectsCarers: boolean, carerInvolvement: string | null, at: string) =>
  fact(
    'DecisionTaken',
    {
      decisionId,
      projectId: P,
      description: 'd',
      decidedByOrganisationId: 'org-a',
      decidedByRole: 'provider',
      affectsCarers,
      carersConsulted: carerInvolvement !== null && carerInvolvement !== 'informed',
      carerInvolvement,
      activityIds: [],
    },
    at,
  );
const revised = (decisionId: string, carerInvolvement: string | null, at: string) =>
  fact(
    'DecisionRevised',
    { decisionId, projectId: P, description: 'd2', carersConsulted: true, carerInvolvement, reason: 'r' },
    at,
  );

const withInvolvement = withEngagementIndicator('Default plus levels of involvement', 'decisionsCoDecided');

describe('decisionsCoDecided: carer-affecting decisions at the co-decided rung or above', () => {
  let harness: SignalsHarness;
  const framework = { id: 'involvement', version: 1 };

  beforeAll(async () => {
    harness = await SignalsHarness.open();
    await harness.frameworks.register(framework.id, framework.version, withInvolvement, 'admin-1');
    await harness.append([
      launch(P, 'valley'),
      taken('D0', true, 'co_decided', '2025-02-20'), // February: outside the March window
      taken('D1', true, 'informed', '2025-03-02'),
      taken('D2', true, 'co_decided', '2025-03-03'),
      taken('D3', true, 'consulted', '2025-03-04'),
      revised('D3', 'carer_led', '2025-03-20'), // raised within the window
      taken('D4', true, 'involved', '2025-03-05'),
      revised('D4', 'co_decided', '2025-04-02'), // raised only after the window ends
      taken('D5', true, null, '2025-03-06'), // consulted before levels were recorded: rung unknown
      taken('D6', false, null, '2025-03-07'), // does not affect carers
    ]);
    await harness.project();
  });
  afterAll(() => harness?.close());

  it('counts the known levels of the decisions taken in the window, as of its end', async () => {
    const march = await harness.reader.report({ scope: { projectId: P }, window: MARCH, framework });
    // Known and affecting carers, taken in March: D1 informed, D2 co-decided, D3 carer-led (revised
    // 20 March), D4 involved (its rise comes in April) = 4; at co-decided or above: D2, D3 → 2 / 4.
    expect(indicator(march.signals.engagement, 'decisionsCoDecided')).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
    });
  });

  it('as of a moment before the revision, the decision stands at its first level', async () => {
    const asOf = new Date('2025-03-10T00:00:00Z');
    const early = await harness.reader.report({ scope: { projectId: P }, window: MARCH, framework, asOf });
    // D3 is still consulted on 10 March → only D2 → 1 / 4.
    expect(indicator(early.signals.engagement, 'decisionsCoDecided')).toMatchObject({ numerator: 1, denominator: 4 });
  });

  it('is not in the default framework, whose values stay as released', async () => {
    const march = await harness.reader.report({ scope: { projectId: P }, window: MARCH });
    expect(march.signals.engagement.indicators.map((i) => i.key)).not.toContain('decisionsCoDecided');
  });
});
