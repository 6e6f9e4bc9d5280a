import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer } from '../support/auth.js';
import { DEMO_PRINCIPALS, demoDashboard } from './support/dashboard.js';

interface ApiWarning {
  id: string;
  rule: string;
  severity: 'NOTICE' | 'WARNING' | 'CRITICAL';
  message: string;
  open: boolean;
}

interface WarningsAnswer {
  warnings: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: ApiWarning }>;
  };
}

const WARNINGS = `query W($projectId: ID!, $from: DateTime, $open: Boolean, $first: Int, $after: String, $asOf: DateTime) {
  warnings(projectId: $projectId, from: $from, open: $open, first: $first, after: $after, asOf: $asOf) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id rule severity message open } }
  }
}`;

const SEVERITY = { NOTICE: 'Notice', WARNING: 'Warning', CRITICAL: 'Critical' } as const;
const provider = bearer(DEMO_PRINCIPALS.provider);

/** The warnings timeline: the demo's warnings as the API lists them, filters, pages, and a warning pushed live. */
describe('dashboard: the warnings view', () => {
  const dashboard = demoDashboard();

  const path = () => `/projects/${dashboard.demo.projectId}/warnings`;

  /** The API's answer for what the page asks: the same start day ("Raised from"), 20 a page. */
  async function apiWarnings(page: Page, variables: Record<string, unknown> = {}) {
    const fromDay = await page.getByLabel('Raised from').inputValue();
    expect(fromDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const answer = await dashboard.api.graphql<WarningsAnswer>(
      WARNINGS,
      { projectId: dashboard.demo.projectId, from: `${fromDay}T00:00:00.000Z`, first: 20, ...variables },
      provider,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.warnings;
  }

  async function expectListed(page: Page, expected: ApiWarning[], offset = 0) {
    const items = page.locator('.warning-item');
    for (const [index, warning] of expected.entries()) {
      const item = items.nth(offset + index);
      expect(await item.locator('.warning-severity').innerText()).toContain(SEVERITY[warning.severity]);
      expect(await item.locator('.warning-message').innerText()).toBe(warning.message);
      expect(await item.locator('.warning-state').innerText()).toBe(warning.open ? 'Open' : 'Resolved');
    }
  }

  it('lists the demo’s warnings newest first, with severity and message as the API gives them, then one raised live', async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.provider, path());
    try {
      // The view subscribes to warningRaised over graphql-ws as it opens.
      const subscribed = new Promise<void>((resolve) => {
        page.on('websocket', (socket) =>
          socket.on('framesent', (frame) => {
            const payload = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString();
            if (payload.includes('"subscribe"') && payload.includes('warningRaised')) resolve();
          }),
        );
      });
      const items = page.locator('.warning-item');
      await items.first().waitFor();
      const answer = await apiWarnings(page);
      expect(answer.edges.length).toBeGreaterThan(0);
      expect(await items.count()).toBe(answer.edges.length);
      await expectListed(
        page,
        answer.edges.map((edge) => edge.node),
      );
      expect(await page.locator('.warnings-count').innerText()).toContain(
        `of ${answer.totalCount.toLocaleString('en-GB')} warnings`,
      );
      // The numbers behind a warning open on demand.
      await items.first().getByText('Numbers and events behind it').click();
      await items.first().locator('.warning-numbers, .warning-events').first().waitFor();
      await items.first().getByText('Numbers and events behind it').click();
      await dashboard.screenshot(page, 'warnings');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      // A decision over the carers' heads raises CARERS_NOT_CONSULTED (docs/warnings.md, rule 1).
      await subscribed;
      await page.waitForTimeout(1_000); // the server takes its starting point
      await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
      // Everything the live region says, in order: a later arrival (a signal drop the decision
      // tips over) may replace the text before it is read.
      await page.evaluate(() => {
        const said: string[] = [];
        const region = (
          globalThis as unknown as { document: { querySelector(s: string): unknown } }
        ).document.querySelector('.warnings-live') as { textContent: string | null };
        const Observer = (
          globalThis as unknown as {
            MutationObserver: new (callback: () => void) => {
              observe(target: unknown, options: Record<string, boolean>): void;
            };
          }
        ).MutationObserver;
        new Observer(() => said.push(region.textContent ?? '')).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        });
        Object.assign(globalThis, { said });
      });
      const decision = await dashboard.api.graphql<{ takeDecision: { id: string } }>(
        `mutation D($input: TakeDecisionInput!) { takeDecision(input: $input) { id position } }`,
        {
          input: {
            projectId: dashboard.demo.projectId,
            description: 'Move the peer meetings to the mornings',
            decidedByOrganisationId: 'org-home-care',
            decidedByRole: 'provider',
            affectsCarers: true,
            carersConsulted: false,
          },
        },
        provider,
      );
      expect(decision.errors).toBeUndefined();
      const decisionId = decision.data!.takeDecision.id;
      const fresh = page.locator('.warning-item.is-fresh', { hasText: decisionId });
      await fresh.waitFor({ timeout: 20_000 });
      // Newest first: only warnings raised live (this decision may also tip the month's engagement
      // into a signal drop, raised at the same moment) come before it.
      const texts = await items.allInnerTexts();
      const position = texts.findIndex((text) => text.includes(decisionId));
      const freshBefore = await page
        .locator('.warning-item')
        .evaluateAll(
          (nodes, upTo) => nodes.slice(0, upTo + 1).every((node) => node.classList.contains('is-fresh')),
          position,
        );
      expect(freshBefore).toBe(true);
      expect(await fresh.locator('h3').innerText()).toBe('Carers not consulted');
      expect(await fresh.locator('.warning-severity').innerText()).toContain('Warning');
      expect(await fresh.locator('.warning-fresh').innerText()).toBe('New');
      const announced = page.locator('.warnings-live');
      expect(await announced.getAttribute('aria-live')).toBe('polite');
      await page.waitForFunction(
        (id) => ((globalThis as unknown as { said: string[] }).said ?? []).some((text) => text.includes(id)),
        decisionId,
      );
      // Without a reload.
      expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
      await dashboard.screenshot(page, 'warnings-live');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('filters resolved warnings and loads the next page with the cursor', async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.provider, path());
    try {
      const items = page.locator('.warning-item');
      await items.first().waitFor();
      const all = await apiWarnings(page);
      expect(all.pageInfo.hasNextPage).toBe(true);
      await page.getByRole('button', { name: 'Load more' }).click();
      const next = await apiWarnings(page, { after: all.pageInfo.endCursor });
      await items.nth(all.edges.length + next.edges.length - 1).waitFor();
      await expectListed(
        page,
        next.edges.map((edge) => edge.node),
        all.edges.length,
      );

      await page.getByLabel('Status').selectOption('resolved');
      const resolved = await apiWarnings(page, { open: false });
      await page.locator('.warnings-count', { hasText: `of ${resolved.totalCount} warnings` }).waitFor();
      expect(await items.count()).toBe(resolved.edges.length);
      await expectListed(
        page,
        resolved.edges.map((edge) => edge.node),
      );
      expect(await page.locator('.warning-state', { hasText: 'Open' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Reset filters' }).click();
      await page.locator('.warnings-count', { hasText: `of ${all.totalCount} warnings` }).waitFor();

      // On a 768 px screen: nothing wider than the screen, still accessible.
      await page.setViewportSize({ width: 768, height: 1000 });
      expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(768);
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the warnings as they stood at a past moment, as the API gives them at that moment', async () => {
    // A moment inside the demo's history: the raising of the fifth newest warning of the whole history.
    const history = await dashboard.api.graphql<{ warnings: { edges: Array<{ node: { raisedAt: string } }> } }>(
      `query H($projectId: ID!) { warnings(projectId: $projectId, first: 5) { edges { node { raisedAt } } } }`,
      { projectId: dashboard.demo.projectId },
      provider,
    );
    expect(history.errors).toBeUndefined();
    const raised = history.data!.warnings.edges.map((edge) => edge.node.raisedAt);
    expect(raised).toHaveLength(5);
    const asOf = raised[4]!;
    const { page, context, errors } = await dashboard.open(
      DEMO_PRINCIPALS.provider,
      `${path()}?asOf=${encodeURIComponent(asOf)}&knownAt=${encodeURIComponent(asOf)}`,
    );
    try {
      const items = page.locator('.warning-item');
      await items.first().waitFor();
      expect(await page.locator('.banner-past').innerText()).toMatch(/what had happened by/);
      const answer = await apiWarnings(page, { asOf });
      expect(answer.edges.length).toBeGreaterThan(0);
      expect(await items.count()).toBe(answer.edges.length);
      await expectListed(
        page,
        answer.edges.map((edge) => edge.node),
      );
      // Nothing raised after the moment, unlike the list of now.
      const now = await apiWarnings(page);
      expect(answer.totalCount).toBeLessThan(now.totalCount);

      // Warnings have no "as known then": the view says so and drops only knownAt.
      await page.getByText('Warnings are shown as the platform knows them now.').waitFor();
      await page.getByRole('button', { name: 'Show as known now' }).click();
      await page.locator('.warnings-known-now').waitFor({ state: 'detached' });
      const params = new URL(page.url()).searchParams;
      expect(params.get('knownAt')).toBeNull();
      expect(params.get('asOf')).toBe(asOf);
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('never sends a request beyond 127.0.0.1', () => {
    expect(dashboard.outsideRequests).toEqual([]);
  });
});
