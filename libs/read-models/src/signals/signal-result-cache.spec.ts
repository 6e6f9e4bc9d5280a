import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlExecutor } from '#database';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import { seriesForRestrictedRole } from './disclosure-control.js';
import { SignalReader } from './signal-reader.js';
import type { SignalScope } from './signal-requests.js';
import { fact, SignalsHarness } from './testing/signals-harness.js';
import { FEBRUARY, indicator, launch, MARCH, P, Q } from './testing/signals-pilot-history.js';

const accepted = (projectId: string, carerId: string, at: string) =>
  fact('CarerInvitationAccepted', { projectId, carerId, invitationId: `inv-${carerId}`, channel: 'word_of_mouth' }, at);

/** The database as the reader sees it, counting the indicator and scope-fact statements it runs. */
function counting(database: SqlExecutor) {
  const counter = { indicatorQueries: 0, scopeFactQueries: 0 };
  const executor: SqlExecutor = {
    query: (sql, params) => {
      if (sql.includes('with periods as')) counter.indicatorQueries += 1;
      if (sql.includes('with territory as')) counter.scopeFactQueries += 1;
      return database.query(sql, params);
    },
    exec: (sql) => database.exec(sql),
    copyIn: (table, columns, rows) => database.copyIn(table, columns, rows),
  };
  return { executor, counter };
}

type Counter = ReturnType<typeof counting>['counter'];

/** A reader that keeps answers, over the harness's database, with the statements it runs counted. */
function keepingReader(harness: SignalsHarness): { reader: SignalReader; counter: Counter } {
  const { executor, counter } = counting(harness.database);
  return { reader: new SignalReader(executor, harness.frameworks, { resultsKept: 100 }), counter };
}

// Given a project P and a project Q in one territory, each with an accepted invitation in March.
describe('signals kept while their scope does not change', () => {
  let harness: SignalsHarness;
  let reader: SignalReader;
  let counter: Counter;

  beforeAll(async () => {
    harness = await SignalsHarness.open();
    await harness.append([
      launch(P, 'valley'),
      launch(Q, 'valley'),
      accepted(P, 'c1', '2025-03-03'),
      accepted(Q, 'c9', '2025-03-04'),
    ]);
    await harness.project();
    ({ reader, counter } = keepingReader(harness));
  });
  afterAll(() => harness.close());

  const acceptance = async (scope: SignalScope) =>
    indicator((await reader.report({ scope, window: MARCH })).signals.trust, 'invitationAcceptance');

  it('answers a repeated question from the kept result, without computing an indicator again', async () => {
    const first = await reader.report({ scope: { projectId: P }, window: MARCH });
    expect(counter.indicatorQueries).toBeGreaterThan(0);
    counter.indicatorQueries = 0;
    expect(await reader.report({ scope: { projectId: P }, window: MARCH })).toEqual(first);
    expect(counter.indicatorQueries).toBe(0);
  });

  it('recomputes once a new fact of the project is projected, agreeing with a fresh computation', async () => {
    expect(await acceptance({ projectId: P })).toMatchObject({ numerator: 1, denominator: 1 });
    await harness.append([accepted(P, 'c2', '2025-03-10')]);
    await harness.project();
    expect(await acceptance({ projectId: P })).toMatchObject({ numerator: 2, denominator: 2 });
    const fresh = await harness.reader.report({ scope: { projectId: P }, window: MARCH });
    expect(await reader.report({ scope: { projectId: P }, window: MARCH })).toEqual(fresh);
  });

  it("renews a territory's answer when any of its projects changes, and keeps the other projects' answers", async () => {
    expect(await acceptance({ territoryId: 'valley' })).toMatchObject({ numerator: 3, denominator: 3 });
    await acceptance({ projectId: P });
    await harness.append([
      fact(
        'CarerInvitationDeclined',
        {
          projectId: Q,
          carerId: 'c8',
          invitationId: 'inv-c8',
          channel: 'word_of_mouth',
          reason: 'mistrust',
          note: null,
        },
        '2025-03-12',
      ),
    ]);
    await harness.project();
    expect(await acceptance({ territoryId: 'valley' })).toMatchObject({ numerator: 3, denominator: 4 });
    counter.indicatorQueries = 0;
    expect(await acceptance({ projectId: P })).toMatchObject({ numerator: 2, denominator: 2 });
    expect(counter.indicatorQueries).toBe(0);
  });

  it('keeps answers apart by time travel: asOf before a fact does not see it', async () => {
    const before = await reader.report({
      scope: { projectId: P },
      window: MARCH,
      asOf: new Date('2025-03-05T00:00:00Z'),
    });
    expect(indicator(before.signals.trust, 'invitationAcceptance')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(await acceptance({ projectId: P })).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('answers a repeated series with the same kept answer, and a new one once a fact of the project is projected', async () => {
    const request = { scope: { projectId: P }, from: FEBRUARY.from, to: MARCH.to, granularity: 'MONTH' as const };
    const first = await reader.series(request);
    counter.indicatorQueries = 0;
    const again = await reader.series(request);
    expect(again).toBe(first);
    expect(counter.indicatorQueries).toBe(0);
    // Withheld and rounded once per threshold, not once per viewer.
    expect(seriesForRestrictedRole(again, 5)).toBe(seriesForRestrictedRole(first, 5));
    expect(seriesForRestrictedRole(first, 3)).not.toBe(seriesForRestrictedRole(first, 5));

    await harness.append([accepted(P, 'c3', '2025-03-20')]);
    await harness.project();
    const renewed = await reader.series(request);
    expect(renewed).not.toBe(first);
    expect(renewed).toEqual(await harness.reader.series(request));
    expect(indicator(renewed.periods[1]!.signals.trust, 'invitationAcceptance').numerator).toBe(
      indicator(first.periods[1]!.signals.trust, 'invitationAcceptance').numerator! + 1,
    );
  });

  it('keeps series apart by what is asked: granularity and time travel', async () => {
    const months = { scope: { projectId: P }, from: FEBRUARY.from, to: MARCH.to, granularity: 'MONTH' as const };
    const quarters = { ...months, granularity: 'QUARTER' as const };
    expect((await reader.series(quarters)).periods).toHaveLength(1);
    expect((await reader.series(months)).periods).toHaveLength(2);
    const early = await reader.series({ ...months, asOf: new Date('2025-03-05T00:00:00Z') });
    expect(early).toEqual(await harness.reader.series({ ...months, asOf: new Date('2025-03-05T00:00:00Z') }));
    expect(early).not.toEqual(await reader.series(months));
  });
});

// Given a project P in the valley territory, its answers kept, and a framework the territory may adopt.
describe("a project's kept answers and its territory's framework", () => {
  let harness: SignalsHarness;
  let reader: SignalReader;
  let counter: Counter;

  beforeAll(async () => {
    harness = await SignalsHarness.open();
    await harness.append([launch(P, 'valley'), accepted(P, 'c1', '2025-03-03')]);
    await harness.project();
    await harness.frameworks.register(
      'valley',
      1,
      { ...DEFAULT_FRAMEWORK.definition, name: 'Valley framework' },
      'admin-1',
    );
    ({ reader, counter } = keepingReader(harness));
  });
  afterAll(() => harness.close());

  it('stops reading the scope facts once they are vouched for, and uses an adoption by the territory at once', async () => {
    const ask = () => reader.report({ scope: { projectId: P }, window: MARCH });
    const first = await ask();
    expect(first.framework).toMatchObject({ id: DEFAULT_FRAMEWORK.id, source: 'DEFAULT' });
    await ask();
    counter.scopeFactQueries = 0;
    expect(await ask()).toEqual(first);
    expect(counter.scopeFactQueries).toBe(0);

    // The adoption is a fact of the territory, not of the project: the project's version stays.
    await harness.append([
      fact(
        'TerritorySignalFrameworkAdopted',
        { programmeId: 'prog', territoryId: 'valley', frameworkId: 'valley', version: 1 },
        '2025-04-02',
      ),
    ]);
    await harness.project();
    const adopted = await ask();
    expect(adopted.framework).toMatchObject({ id: 'valley', version: 1, source: 'TERRITORY_ADOPTED' });
    expect(adopted).toEqual(await harness.reader.report({ scope: { projectId: P }, window: MARCH }));
  });
});
