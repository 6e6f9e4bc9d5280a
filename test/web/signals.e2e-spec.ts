import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer } from '../support/auth.js';
import { DEMO_PRINCIPALS, demoDashboard } from './support/dashboard.js';

/** The signals view: lines and table over the pilot, breakdowns, granularity, time travel, suppression. */

const SIGNALS = [
  ['trust', 'Trust'],
  ['engagement', 'Engagement'],
  ['partnershipCohesion', 'Partnership cohesion'],
  ['coCreationBalance', 'Co-creation balance'],
] as const;
type SignalKey = (typeof SIGNALS)[number][0];

interface ApiIndicator {
  key: string;
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}
interface ApiSignal {
  value: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
  warnBelow: number | null;
  breakdown: ApiIndicator[];
}
type ApiPeriod = { window: { from: string; to: string } } & Record<SignalKey, ApiSignal>;

const SIGNAL_FIELDS = `value suppressed suppressionReason warnBelow
  breakdown { key label value numerator denominator suppressed }`;
const SERIES = `query Series($projectId: ID!, $from: DateTime!, $to: DateTime!, $granularity: SignalGranularity!, $asOf: DateTime) {
  signalSeries(scope: { projectId: $projectId }, from: $from, to: $to, granularity: $granularity, asOf: $asOf) {
    periods {
      window { from to }
      trust { ${SIGNAL_FIELDS} }
      engagement { ${SIGNAL_FIELDS} }
      partnershipCohesion { ${SIGNAL_FIELDS} }
      coCreationBalance { ${SIGNAL_FIELDS} }
    }
  }
}`;

// The browser context is en-GB: the view formats with the reader's locale.
const percent = (value: number) =>
  new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);
const figure = (value: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
const monthName = (from: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(from));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every GraphQL operation the page posts from now on, as sent. */
function sentOperations(
  page: Page,
): Array<{ operationName?: string; query: string; variables: Record<string, unknown> }> {
  const sent: Array<{ operationName?: string; query: string; variables: Record<string, unknown> }> = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
      sent.push(JSON.parse(request.postData() ?? '{}'));
    }
  });
  return sent;
}

/** What a table cell must say for the API's signal: its value, "no data", or the withheld wording. */
const expectedCell = (signal: ApiSignal) =>
  signal.suppressed ? 'withheld: fewer than 5 carers' : signal.value === null ? 'no data' : percent(signal.value);

/** The pilot's months [from, to) up to the month of `at`, as the view asks for them (app/periods.ts). */
function pilotWindow(startsOn: string, pilotMonths: number, at: Date): { from: string; to: string } {
  const start = new Date(`${startsOn.slice(0, 10)}T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + pilotMonths, 1));
  const untilAt = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  const from = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  return { from: from.toISOString(), to: (end < untilAt ? end : untilAt).toISOString() };
}

/** The signals table as shown: each row's period and the first text of each signal's button. */
async function readTable(page: Page): Promise<{ caption: string; rows: string[][] }> {
  // A string, evaluated in the page (the tests compile without the DOM's types).
  return (await page.evaluate(`(() => {
    const table = [...document.querySelectorAll('table')].find((candidate) =>
      (candidate.caption?.textContent ?? '').startsWith('Signals by'));
    if (!table) return { caption: '', rows: [] };
    const rows = [...table.tBodies[0].rows].map((row) =>
      [...row.cells].map((cell, index) =>
        index === 0
          ? (cell.textContent ?? '').trim()
          : (cell.querySelector('button')?.firstElementChild?.textContent ?? '').trim()));
    return { caption: table.caption?.textContent ?? '', rows };
  })()`)) as { caption: string; rows: string[][] };
}

/** Waits until the signals table (its caption starting so) has that many rows. */
async function waitForRows(page: Page, caption: string, count: number): Promise<void> {
  await page.waitForFunction(
    `[...document.querySelectorAll('table')].some((table) =>
      (table.caption?.textContent ?? '').startsWith(${JSON.stringify(caption)}) &&
      table.tBodies[0]?.rows.length === ${count})`,
  );
}

const signalsTable = (page: Page) =>
  page.locator('table', { has: page.locator('caption', { hasText: /^Signals by/ }) });

describe('dashboard: the signals view', () => {
  const dashboard = demoDashboard();
  let projectId: string;
  let pilot: { startsOn: string; pilotMonths: number };
  const provider = bearer(DEMO_PRINCIPALS.provider);
  const analyst = bearer(DEMO_PRINCIPALS.analyst);

  async function series(
    headers: Record<string, string>,
    variables: { from: string; to: string; granularity: 'MONTH' | 'QUARTER'; asOf?: string },
  ): Promise<ApiPeriod[]> {
    const response = await dashboard.api.graphql<{ signalSeries: { periods: ApiPeriod[] } }>(
      SERIES,
      { projectId, ...variables },
      headers,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.signalSeries.periods;
  }

  /** Every row of the table equals the API's periods: period names and each signal's figure. */
  async function expectTableToMatch(page: Page, periods: ApiPeriod[], name: (from: string) => string) {
    const { rows } = await readTable(page);
    expect(rows).toEqual(
      periods.map((entry) => [name(entry.window.from), ...SIGNALS.map(([key]) => expectedCell(entry[key]))]),
    );
  }

  beforeAll(async () => {
    projectId = dashboard.demo.projectId;
    const response = await dashboard.api.graphql<{ project: { startsOn: string; pilotMonths: number } }>(
      `query ($id: ID!) { project(id: $id) { startsOn pilotMonths } }`,
      { id: projectId },
      provider,
    );
    pilot = response.data!.project;
  });

  it("shows the provider the pilot's signals by month, with breakdowns equal to the API's, then by quarter and as of an early date", async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.provider, `/projects/${projectId}/signals`);
    try {
      const sent = sentOperations(page);
      const window = pilotWindow(pilot.startsOn, pilot.pilotMonths, new Date());
      const monthly = await series(provider, { ...window, granularity: 'MONTH' });
      expect(monthly.length).toBeGreaterThan(6);

      // Chart and table.
      await signalsTable(page).waitFor();
      await page.locator('.chart svg').first().waitFor();
      expect(await page.locator('.chart path').count()).toBeGreaterThan(4);
      await expectTableToMatch(page, monthly, monthName);
      const { caption } = await readTable(page);
      expect(caption).toMatch(/^Signals by month/);
      // Thresholds are said in the table's headers.
      const headers = await signalsTable(page).locator('thead th').allInnerTexts();
      expect(headers[1]).toBe(`Trust (warns below ${percent(monthly[0]!.trust.warnBelow!)})`);
      await dashboard.screenshot(page, 'signals');

      // A period and a signal with a value and an indicator with figures: its breakdown.
      const chosen = monthly.findIndex(
        (entry, index) =>
          index >= 3 && entry.trust.value !== null && entry.trust.breakdown.some((i) => i.numerator !== null),
      );
      expect(chosen).toBeGreaterThanOrEqual(0);
      const entry = monthly[chosen]!;
      const name = monthName(entry.window.from);
      const button = page.getByRole('button', { name: new RegExp(`show trust breakdown for ${escape(name)}$`) });
      expect((await button.locator('span').first().innerText()).trim()).toBe(percent(entry.trust.value!));
      // By keyboard: the value is a button.
      await button.focus();
      await page.keyboard.press('Enter');
      const breakdown = page.getByRole('region', { name: `Trust, ${name}: breakdown` });
      await breakdown.waitFor();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate('document.activeElement?.id')).toBe('signal-breakdown-heading');
      expect(await breakdown.locator('.breakdown-value strong').innerText()).toBe(percent(entry.trust.value!));
      const indicator = entry.trust.breakdown.find((i) => i.numerator !== null && i.denominator !== null)!;
      const row = breakdown.getByRole('row', { name: new RegExp(`^${escape(indicator.label)}`) });
      const cells = row.locator('td');
      expect(await cells.nth(2).locator('.figure').innerText()).toBe(figure(indicator.numerator!));
      expect(await cells.nth(3).locator('.figure').innerText()).toBe(figure(indicator.denominator!));
      expect(await cells.nth(1).innerText()).toBe(indicator.value === null ? 'no data' : percent(indicator.value));
      expect(await breakdown.locator('tbody tr').count()).toBe(entry.trust.breakdown.length);
      // The breakdown was asked for when opened: the `signals` report over the period's window.
      expect(sent.filter((operation) => operation.operationName === 'DashboardSignalBreakdown')).toEqual([
        expect.objectContaining({ variables: expect.objectContaining({ window: entry.window }) }),
      ]);
      await dashboard.screenshot(page, 'signals-breakdown');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      // Closing returns to the button that opened it.
      await breakdown.getByRole('button', { name: 'Close breakdown' }).click();
      await breakdown.waitFor({ state: 'detached' });
      expect(await page.evaluate("document.activeElement?.getAttribute('aria-pressed')")).toBe('false');

      // Clicking a point of the chart opens the same breakdown: a trust point well apart from the others.
      const apart = monthly.findIndex(
        (candidate) =>
          candidate.trust.value !== null &&
          SIGNALS.slice(1).every(
            ([key]) => candidate[key].value === null || Math.abs(candidate[key].value! - candidate.trust.value!) > 0.08,
          ),
      );
      expect(apart).toBeGreaterThanOrEqual(0);
      // The chart's grid (signal-series.ts): 56 px left and top, 24 right, 40 bottom, inside a 1 px border.
      const chart = page.locator('.chart').first();
      await chart.scrollIntoViewIfNeeded();
      const box = (await chart.boundingBox())!;
      const x = box.x + 1 + 56 + (apart * (box.width - 2 - 56 - 24)) / (monthly.length - 1);
      const y = box.y + 1 + 56 + (1 - monthly[apart]!.trust.value!) * (box.height - 2 - 56 - 40);
      await page.mouse.click(x, y);
      await page.getByRole('region', { name: `Trust, ${monthName(monthly[apart]!.window.from)}: breakdown` }).waitFor();

      // Quarters: the URL and the table change.
      // A click, then the URL: the radios follow the URL, so a check() may look before React re-renders.
      await page.getByLabel('Quarters').click();
      await page.waitForURL(/granularity=QUARTER/);
      const quarterly = await series(provider, { ...window, granularity: 'QUARTER' });
      await waitForRows(page, 'Signals by quarter', quarterly.length);
      const quarterName = (from: string) => {
        const start = new Date(from);
        return `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`;
      };
      await expectTableToMatch(page, quarterly, quarterName);
      expect(quarterly.length).toBeLessThan(monthly.length);
      // The series carries the values only, never every period's breakdown.
      const seriesSent = sent.filter((operation) => operation.operationName === 'DashboardSignalSeries');
      expect(seriesSent.length).toBeGreaterThan(0);
      for (const operation of seriesSent) expect(operation.query).not.toContain('breakdown');
      expect((await readTable(page)).rows[0]![0]).toBe(quarterName(quarterly[0]!.window.from));

      // Back to months, then as of two months into the pilot: fewer months, the API's values then.
      await page.getByLabel('Months').click();
      await page.waitForURL((url) => !url.searchParams.has('granularity'));
      await waitForRows(page, 'Signals by month', monthly.length);
      const early = new Date(`${pilot.startsOn.slice(0, 10)}T00:00:00Z`);
      early.setUTCMonth(early.getUTCMonth() + 2);
      const day = early.toISOString().slice(0, 10);
      await page.getByLabel('As of').fill(day);
      await page.waitForURL((url) => url.searchParams.get('asOf') === `${day}T23:59:59.999Z`);
      const banner = page.locator('.time-travel .banner-past');
      await banner.waitFor();
      const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        early,
      );
      expect(await banner.innerText()).toMatch(
        new RegExp(`^Showing history: what had happened by \\d{1,2} ${escape(monthYear)}`),
      );
      const asOf = `${day}T23:59:59.999Z`;
      const earlyWindow = pilotWindow(pilot.startsOn, pilot.pilotMonths, new Date(asOf));
      const then = await series(provider, { ...earlyWindow, granularity: 'MONTH', asOf });
      expect(then.length).toBe(3);
      await waitForRows(page, 'Signals by month', then.length);
      await expectTableToMatch(page, then, monthName);
      // A breakdown opened while looking back is the API's as of then, not today's.
      const past = then.findLast((candidate) => candidate.trust.value !== null && !candidate.trust.suppressed)!;
      const pastName = monthName(past.window.from);
      await page.getByRole('button', { name: new RegExp(`show trust breakdown for ${escape(pastName)}$`) }).click();
      const pastBreakdown = page.getByRole('region', { name: `Trust, ${pastName}: breakdown` });
      await pastBreakdown.waitFor();
      expect(await pastBreakdown.locator('.breakdown-value strong').innerText()).toBe(percent(past.trust.value!));
      expect(await pastBreakdown.locator('tbody tr').count()).toBe(past.trust.breakdown.length);
      expect(sent.at(-1)).toMatchObject({ operationName: 'DashboardSignalBreakdown', variables: { asOf } });
      // History changed at least one figure of those months (the facts recorded after asOf are not counted).
      const now = monthly.slice(0, then.length);
      expect(then.map((p) => SIGNALS.map(([key]) => p[key].value))).not.toEqual(
        now.map((p) => SIGNALS.map(([key]) => p[key].value)),
      );
      await dashboard.screenshot(page, 'signals-as-of');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the analyst the withheld wording where the API withholds a small group, and the API values elsewhere', async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.analyst, `/projects/${projectId}/signals`);
    try {
      const window = pilotWindow(pilot.startsOn, pilot.pilotMonths, new Date());
      const monthly = await series(analyst, { ...window, granularity: 'MONTH' });
      await signalsTable(page).waitFor();
      await expectTableToMatch(page, monthly, monthName);

      const withheld = monthly.flatMap((entry) =>
        SIGNALS.filter(([key]) => entry[key].suppressed).map(([key, label]) => ({ entry, key, label })),
      );
      if (withheld.length > 0) {
        // The breakdown states the API's own reason, and each withheld indicator says so (never 0).
        const { entry, key, label } = withheld[0]!;
        const name = monthName(entry.window.from);
        await page
          .getByRole('button', { name: new RegExp(`show ${label.toLowerCase()} breakdown for ${escape(name)}$`) })
          .click();
        const breakdown = page.getByRole('region', { name: `${label}, ${name}: breakdown` });
        await breakdown.waitFor();
        expect(await breakdown.locator('.breakdown-value').innerText()).toContain('withheld: fewer than 5 carers');
        expect(await breakdown.innerText()).toContain(entry[key].suppressionReason!);
        for (const indicator of entry[key].breakdown.filter((i) => i.suppressed)) {
          const row = breakdown.getByRole('row', { name: new RegExp(`^${escape(indicator.label)}`) });
          expect(await row.locator('td').nth(1).innerText()).toBe('withheld: fewer than 5 carers');
        }
        await dashboard.screenshot(page, 'signals-analyst-withheld');
      }
      // With nothing withheld, the table equalling the API's values (above) is all there is to check.
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a 768 px wide screen without scrolling the page sideways, and prints without its controls', async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.provider, `/projects/${projectId}/signals`);
    try {
      await page.setViewportSize({ width: 768, height: 900 });
      await signalsTable(page).waitFor();
      await page.locator('.chart svg').first().waitFor();
      await page
        .getByRole('button', { name: /show engagement breakdown for/ })
        .nth(4)
        .click();
      await page.getByRole('region', { name: /Engagement, .*: breakdown/ }).waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
      await dashboard.screenshot(page, 'signals-768');
      // Printed: the chart, the breakdown and the table, without the controls.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Close breakdown' }).isVisible()).toBe(false);
      expect(await page.locator('.granularity').isVisible()).toBe(false);
      expect(await signalsTable(page).isVisible()).toBe(true);
      await dashboard.screenshot(page, 'signals-print');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('never sends a request beyond 127.0.0.1', () => {
    expect(dashboard.outsideRequests).toEqual([]);
  });
});
