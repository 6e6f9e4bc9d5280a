import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import type { SignalFrameworkDefinition } from './framework.js';
import { fact } from './testing/signals-harness.js';
import { FEBRUARY, indicator, MARCH, projectedPilot, P } from './testing/signals-pilot-history.js';

// Queries over the pilot history (testing/signals-pilot-history.ts): scopes, series, frameworks, refusals.
describe('signal queries over territories, series and frameworks', () => {
  const pilot = projectedPilot();

  it('pools the projects of a territory and leaves other territories out', async () => {
    const valley = await pilot.harness.reader.report({ scope: { territoryId: 'valley' }, window: MARCH });
    // P: 3 accepted of 5; Q: 1 accepted of 2; R (city) not counted → 4 / 7.
    expect(indicator(valley.signals.trust, 'invitationAcceptance')).toMatchObject({ numerator: 4, denominator: 7 });
    // Declines: P 2 (1 mistrust), Q 1 (mistrust) → 1 / 3.
    expect(indicator(valley.signals.trust, 'declinesNotMistrust')).toMatchObject({ numerator: 1, denominator: 3 });
    // Reach: P 3 carers + Q 0, targets 6 + 6 → 3 / 12.
    expect(indicator(valley.signals.engagement, 'reach')).toMatchObject({ numerator: 3, denominator: 12 });
    const city = await pilot.harness.reader.report({ scope: { territoryId: 'city' }, window: MARCH });
    expect(indicator(city.signals.trust, 'invitationAcceptance')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('computes a monthly and a quarterly series', async () => {
    const series = await pilot.harness.reader.series({
      scope: { projectId: P },
      from: new Date('2025-02-01T00:00:00Z'),
      to: new Date('2025-04-01T00:00:00Z'),
      granularity: 'MONTH',
    });
    expect(series.periods.map((p) => p.window)).toEqual([FEBRUARY, MARCH]);
    expect(series.periods[1]!.signals).toEqual(pilot.march.signals);
    const quarter = await pilot.harness.reader.series({
      scope: { projectId: P },
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2025-04-01T00:00:00Z'),
      granularity: 'QUARTER',
    });
    expect(quarter.periods).toHaveLength(1);
    // Q1: accepted c6, c1, c2, c3 of 6 answers.
    expect(indicator(quarter.periods[0]!.signals.trust, 'invitationAcceptance')).toMatchObject({
      numerator: 4,
      denominator: 6,
    });
    // Q1 is 3 pilot months: expected 3 training + 3 peer + 3/4 committee = 6.75; held 2 training, 1 peer, 1 committee
    // → min(2,3) + min(1,3) + min(1,0.75) = 3.75.
    expect(indicator(quarter.periods[0]!.signals.engagement, 'cadence')).toMatchObject({
      numerator: 3.75,
      denominator: 6.75,
    });
  });

  it("uses the territory's adopted framework, and compares frameworks on the same facts", async () => {
    const definition: SignalFrameworkDefinition = {
      ...DEFAULT_FRAMEWORK.definition,
      name: 'Valley framework',
      signals: {
        ...DEFAULT_FRAMEWORK.definition.signals,
        trust: {
          indicators: [
            { key: 'invitationAcceptance', weight: 3 },
            { key: 'trustBarriersResolved', weight: 1 },
          ],
          warnBelow: 0.7,
          warnDropBy: null,
        },
      },
    };
    await pilot.harness.frameworks.register('valley', 1, definition, 'admin-1');
    await pilot.harness.append([
      fact(
        'TerritorySignalFrameworkAdopted',
        { programmeId: 'prog', territoryId: 'valley', frameworkId: 'valley', version: 1 },
        '2025-04-02',
      ),
    ]);
    await pilot.harness.project();
    const adopted = await pilot.harness.reader.report({ scope: { projectId: P }, window: MARCH });
    expect(adopted.framework).toMatchObject({ id: 'valley', version: 1, source: 'TERRITORY_ADOPTED' });
    // (3 × 0.6 + 1 × 0.5) / 4 = 2.3 / 4
    expect(adopted.signals.trust.value).toBeCloseTo(2.3 / 4, 10);
    expect(adopted.warnings).toContainEqual(expect.objectContaining({ kind: 'BELOW_THRESHOLD', signal: 'trust' }));
    // Before the adoption happened, the default applied.
    const before = await pilot.harness.reader.report({
      scope: { projectId: P },
      window: MARCH,
      asOf: new Date('2025-04-01T00:00:00Z'),
    });
    expect(before.framework.source).toBe('DEFAULT');

    const [left, right] = await pilot.harness.reader.compare({ scope: { projectId: P }, window: MARCH }, [
      { id: 'default', version: 1 },
      { id: 'valley', version: 1 },
    ]);
    expect(left!.framework).toMatchObject({ id: 'default', source: 'REQUESTED' });
    expect(left!.signals.trust.value).toBeCloseTo(2.6 / 4.5, 10);
    expect(right!.signals.trust.value).toBeCloseTo(2.3 / 4, 10);
    expect(right!.signals.engagement).toEqual(left!.signals.engagement);
  });

  it('refuses bad requests with typed errors', async () => {
    await expect(
      pilot.harness.reader.report({ scope: { projectId: P }, window: { from: MARCH.to, to: MARCH.from } }),
    ).rejects.toMatchObject({ category: 'invalid', reason: 'INVALID_WINDOW' });
    await expect(pilot.harness.reader.report({ scope: { projectId: 'nope' }, window: MARCH })).rejects.toMatchObject({
      category: 'not_found',
      reason: 'PROJECT_NOT_FOUND',
    });
    await expect(
      pilot.harness.reader.report({ scope: { projectId: P }, window: MARCH, framework: { id: 'ghost', version: 3 } }),
    ).rejects.toMatchObject({ category: 'not_found', reason: 'SIGNAL_FRAMEWORK_NOT_FOUND' });
  });
});
