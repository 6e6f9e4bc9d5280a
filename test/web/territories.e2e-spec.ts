import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer } from '../support/auth.js';
import { DEMO_PRINCIPALS, demoDashboard, fillInOneTick } from './support/dashboard.js';

type Figure = { value: number | null; suppressed: boolean };
type Report = Record<'trust' | 'engagement' | 'partnershipCohesion' | 'coCreationBalance', Figure>;

const SIGNALS = [
  ['trust', 'Trust'],
  ['engagement', 'Engagement'],
  ['partnershipCohesion', 'Partnership cohesion'],
  ['coCreationBalance', 'Co-creation balance'],
] as const;
const FIGURES = SIGNALS.map(([key]) => `${key} { value suppressed }`).join(' ');

/** The little of the DOM the tests read (the tests compile without the DOM's types). */
interface DomTable {
  readonly rows: ArrayLike<{ readonly cells: ArrayLike<{ readonly innerText: string }> }>;
}

/** The cells of the table with this caption, header row first, as the reader sees them. */
async function table(page: Page, caption: RegExp): Promise<string[][]> {
  const found = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  await found.waitFor();
  return found.evaluate((element) =>
    Array.from((element as unknown as DomTable).rows).map((row) =>
      Array.from(row.cells).map((cell) => cell.innerText.trim()),
    ),
  );
}

/**
 * What the view should print for each figure, formatted in the page itself (the browser's locale
 * and ICU): a share as a percent with one decimal, a difference in signed percentage points, a
 * withheld figure with the wording (never 0), a missing one as "no data".
 */
async function expected(page: Page, cells: Array<{ kind: 'share' | 'points'; figure: Figure }>): Promise<string[]> {
  return page.evaluate((items) => {
    const locale = (globalThis as unknown as { navigator: { language: string } }).navigator.language;
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return items.map(({ kind, figure }) => {
      if (figure.suppressed) return 'withheld: fewer than 5 carers';
      if (figure.value === null) return 'no data';
      if (kind === 'share') return percent.format(figure.value);
      const shown = decimal.format(Math.abs(figure.value * 100));
      if (shown === decimal.format(0)) return `${shown} pts`;
      return `${figure.value > 0 ? '+' : '−'}${shown} pts`;
    });
  }, cells);
}

const round12 = (value: number) => Math.round(value * 1e12) / 1e12;

/** Retries an assertion while the page catches up (a new answer replaces the table). */
async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('dashboard: territories and frameworks', () => {
  const dashboard = demoDashboard();
  const analyst = bearer(DEMO_PRINCIPALS.analyst);
  const admin = bearer(DEMO_PRINCIPALS.admin);

  beforeAll(async () => {
    // A second territory, without projects yet, so that there are two to compare.
    const programme = await dashboard.api.graphql(
      `mutation { launchProgramme(input: { programmeId: "carers-programme", name: "Carers programme" }) { position } }`,
      undefined,
      admin,
    );
    expect(programme.errors).toBeUndefined();
    const territory = await dashboard.api.graphql(
      `mutation { addTerritory(input: { programmeId: "carers-programme", territoryId: "hills", name: "Hills",
        localGovernance: "A committee of mayors", serviceVariant: "Peer meetings only" }) { position } }`,
      undefined,
      admin,
    );
    expect(territory.errors).toBeUndefined();
  });

  async function territorySignals(
    window: { from: string; to: string },
    asOf: string | null = null,
    territoryId = 'valley',
    framework: { id: string; version: number } | null = null,
  ): Promise<Report> {
    const answer = await dashboard.api.graphql<{ signals: Report }>(
      `query ($territoryId: ID!, $window: SignalWindowInput, $asOf: DateTime, $framework: SignalFrameworkRefInput) {
        signals(scope: { territoryId: $territoryId }, window: $window, asOf: $asOf, framework: $framework) { ${FIGURES} } }`,
      { territoryId, window, asOf, framework },
      analyst,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.signals;
  }

  /** A territory's column of a side-by-side table equals the API's answer for the same window. */
  async function expectValleyMatches(page: Page, report: Report, caption = /by territory/, header = 'Valley (valley)') {
    const rows = await table(page, caption);
    const column = rows[0]!.indexOf(header);
    expect(column).toBeGreaterThan(0);
    const shown = SIGNALS.map(([, label]) => rows.find((row) => row[0] === label)?.[column]);
    const wanted = await expected(
      page,
      SIGNALS.map(([key]) => ({ kind: 'share' as const, figure: report[key] })),
    );
    expect(shown).toEqual(wanted);
  }

  it('shows the valley beside the other territories with the API’s figures, withheld ones in words, and time travel', async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.analyst, '/territories');
    try {
      await page.getByRole('heading', { name: 'Territories side by side' }).waitFor();
      // The demo's three territories and the one without projects yet, each under its own framework.
      expect((await table(page, /by territory/))[0]).toEqual([
        'Signal',
        'Hills (hills)',
        'Pine Valley (pine-valley)',
        'Stone Valley (stone-valley)',
        'Valley (valley)',
      ]);
      expect(await page.locator('.framework-used').innerText()).toMatch(
        /Pine Valley \(pine-valley\): computed with Pine Valley peer-support signals \(pine-valley-peer-support v1, adopted by the territory\)/,
      );
      // The default window: the months of the pilots, as the month pickers show.
      const first = await page.getByLabel('First month').inputValue();
      const last = await page.getByLabel('Last month').inputValue();
      expect(first).toMatch(/^\d{4}-\d{2}$/);
      const end = new Date(`${last}-01T00:00:00.000Z`);
      end.setUTCMonth(end.getUTCMonth() + 1);
      const window = { from: `${first}-01T00:00:00.000Z`, to: end.toISOString() };
      const whole = await territorySignals(window);
      await eventually(() => expectValleyMatches(page, whole));
      // Pine Valley under its own framework, and beside it under the platform's default: they differ.
      const pineOwn = await territorySignals(window, null, 'pine-valley');
      const pineCommon = await territorySignals(window, null, 'pine-valley', { id: 'default', version: 1 });
      expect(pineOwn).not.toEqual(pineCommon);
      await eventually(() => expectValleyMatches(page, pineOwn, /by territory/, 'Pine Valley (pine-valley)'));
      const common = /all territories under Default co-production signals \(default v1\)/;
      await eventually(() => expectValleyMatches(page, pineCommon, common, 'Pine Valley (pine-valley)'));
      await eventually(() => expectValleyMatches(page, whole, common));
      await page.locator('.chart svg').first().waitFor();
      await dashboard.screenshot(page, 'territories');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      // One month in which trust is computed over fewer than 5 carers: withheld for an analyst. Both
      // months change in one tick, before the view renders again (as when the browser fills a form):
      // the second change must not undo the first.
      await fillInOneTick(page, { 'First month': '2025-04', 'Last month': '2025-04' });
      await page
        .getByRole('cell', { name: /withheld/ })
        .first()
        .waitFor();
      const april = await territorySignals({ from: '2025-04-01T00:00:00.000Z', to: '2025-05-01T00:00:00.000Z' });
      expect(april.trust).toEqual({ value: null, suppressed: true });
      await eventually(() => expectValleyMatches(page, april));
      const url = new URL(page.url());
      expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['2025-04', '2025-04']);

      // Time travel: the same window as the platform had it on 10 April 2025.
      await page.getByLabel('As of').fill('2025-04-10');
      await page.getByText(/Showing history: what had happened by/).waitFor();
      const asOf = new URL(page.url()).searchParams.get('asOf');
      expect(asOf).toBe('2025-04-10T23:59:59.999Z');
      const then = await territorySignals({ from: '2025-04-01T00:00:00.000Z', to: '2025-05-01T00:00:00.000Z' }, asOf);
      expect(then).not.toEqual(april);
      await eventually(() => expectValleyMatches(page, then));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('compares a second framework version with the default: both series and the difference, as the API computes them', async () => {
    const base = await dashboard.api.graphql<{ signalFramework: { definition: Record<string, unknown> } }>(
      '{ signalFramework(id: "default", version: 1) { definition } }',
      undefined,
      analyst,
    );
    const definition = base.data!.signalFramework.definition as {
      signals: { trust: { indicators: Array<{ key: string; weight: number }> } };
    };
    const registered = await dashboard.api.graphql<{ registerSignalFramework: { created: boolean } }>(
      `mutation ($input: RegisterSignalFrameworkInput!) {
        registerSignalFramework(input: $input) { created framework { id version } } }`,
      {
        input: {
          frameworkId: 'default',
          version: 2,
          definition: {
            ...definition,
            name: 'Default, word of mouth weighs more',
            signals: {
              ...definition.signals,
              trust: {
                ...definition.signals.trust,
                indicators: definition.signals.trust.indicators.map((indicator) =>
                  indicator.key === 'wordOfMouth' ? { ...indicator, weight: 2 } : indicator,
                ),
              },
            },
          },
        },
      },
      analyst,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerSignalFramework.created).toBe(true);

    const { page, context, errors } = await dashboard.open(
      DEMO_PRINCIPALS.analyst,
      '/territories?territory=valley&territory=hills&from=2025-01&to=2025-06',
    );
    try {
      await page.getByLabel('Framework B').selectOption('default@2');
      await page.getByLabel('Framework A (reference)').selectOption('default@1');
      await page.getByLabel('Signal', { exact: true }).selectOption('trust');
      expect(new URL(page.url()).searchParams.get('right')).toBe('default@2');
      expect(new URL(page.url()).searchParams.get('left')).toBe('default@1');
      const key = await page.locator('.framework-key').innerText();
      expect(key).toMatch(/A \(reference, solid line\)\s+Default co-production signals \(default v1\)/);
      expect(key).toMatch(/B \(dashed line\)\s+Default, word of mouth weighs more \(default v2\)/);

      const series = await dashboard.api.graphql<{
        left: { periods: Report[] };
        right: { periods: Report[] };
        whole: { differences: Array<{ signal: string; delta: number | null; suppressed: boolean }> } & {
          left: Report;
          right: Report;
        };
      }>(
        `{
          left: signalSeries(scope: { territoryId: "valley" }, from: "2025-01-01T00:00:00.000Z", to: "2025-07-01T00:00:00.000Z",
            granularity: MONTH, framework: { id: "default", version: 1 }) { periods { ${FIGURES} } }
          right: signalSeries(scope: { territoryId: "valley" }, from: "2025-01-01T00:00:00.000Z", to: "2025-07-01T00:00:00.000Z",
            granularity: MONTH, framework: { id: "default", version: 2 }) { periods { ${FIGURES} } }
          whole: compareSignals(scope: { territoryId: "valley" }, left: { id: "default", version: 1 },
            right: { id: "default", version: 2 }, window: { from: "2025-01-01T00:00:00.000Z", to: "2025-07-01T00:00:00.000Z" }) {
            differences { signal delta suppressed } left { ${FIGURES} } right { ${FIGURES} } }
        }`,
        undefined,
        analyst,
      );
      expect(series.errors).toBeUndefined();
      const { left, right, whole } = series.data!;
      expect(left.periods).toHaveLength(6);
      // The weight matters somewhere, and some month is withheld for an analyst.
      expect(whole.differences.find((d) => d.signal === 'trust')?.delta).not.toBe(0);
      expect(left.periods.some((p) => p.trust.suppressed)).toBe(true);

      const perMonth = await table(page, /Trust in Valley \(valley\) per month: A is default v1, B is default v2/);
      expect(perMonth[0]).toEqual(['Period', 'A: default v1', 'B: default v2', 'Difference (B − A)']);
      const wanted = await expected(
        page,
        left.periods.flatMap((period, index) => {
          const a = period.trust;
          const b = right.periods[index]!.trust;
          const difference: Figure =
            a.suppressed || b.suppressed
              ? { value: null, suppressed: true }
              : a.value === null || b.value === null
                ? { value: null, suppressed: false }
                : { value: round12(b.value - a.value), suppressed: false };
          return [
            { kind: 'share' as const, figure: a },
            { kind: 'share' as const, figure: b },
            { kind: 'points' as const, figure: difference },
          ];
        }),
      );
      expect(perMonth.slice(1).map((row) => row.slice(1))).toEqual(
        left.periods.map((_, index) => wanted.slice(index * 3, index * 3 + 3)),
      );
      expect(perMonth.slice(1).some((row) => row[3]!.startsWith('withheld'))).toBe(true);

      const overall = await table(page, /whole window .* as compareSignals computes them/);
      const wantedOverall = await expected(
        page,
        SIGNALS.flatMap(([key]) => {
          const difference = whole.differences.find((d) => d.signal === key)!;
          return [
            { kind: 'share' as const, figure: whole.left[key] },
            { kind: 'share' as const, figure: whole.right[key] },
            { kind: 'points' as const, figure: { value: difference.delta, suppressed: difference.suppressed } },
          ];
        }),
      );
      expect(overall.slice(1)).toEqual(
        SIGNALS.map(([, label], index) => [label, ...wantedOverall.slice(index * 3, index * 3 + 3)]),
      );

      await page.locator('.chart svg').nth(1).waitFor();
      await dashboard.screenshot(page, 'frameworks');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('tells a provider that the role may not open the view', async () => {
    const { page, context } = await dashboard.open(DEMO_PRINCIPALS.provider, '/territories');
    try {
      await page.getByRole('alert').filter({ hasText: 'Your role may not open this view.' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Territories and frameworks' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('never sends a request beyond 127.0.0.1', () => {
    expect(dashboard.outsideRequests).toEqual([]);
  });
});
