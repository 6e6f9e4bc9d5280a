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

const WARNINGS = `query W($projectId: ID!, $from: DateTime, $open: Boolean, $first: Int, $after: String) {
  warnings(projectId: $projectId, from: $from, open: $open, first: $first, after: $after) {
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
      expect(await items.first().innerText()).toContain(decisionId);
      expect(await fresh.locator('h3').innerText()).toBe('Carers not consulted');
      expect(await fresh.locator('.warning-severity').innerText()).toContain('Warning');
      expect(await fresh.locator('.warning-fresh').innerText()).toBe('New');
      const announced = page.locator('.warnings-live');
      expect(await announced.getAttribute('aria-live')).toBe('polite');
      expect(await announced.innerText()).toContain(decisionId);
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

  it('says the warnings are as of now when the view is opened at a past moment', async () => {
    const { page, context, errors } = await dashboard.open(
      DEMO_PRINCIPALS.provider,
      `${path()}?asOf=2025-01-31T23:59:59.999Z`,
    );
    try {
      await page.locator('.warning-item').first().waitFor();
      await page.getByText('Warnings are shown as of now.').waitFor();
      expect(await page.locator('.banner-past').innerText()).toMatch(/what had happened by/);
      await page.getByRole('button', { name: 'Back to now' }).click();
      await page.locator('.banner-now').waitFor();
      expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('never sends a request beyond 127.0.0.1', () => {
    expect(dashboard.outsideRequests).toEqual([]);
  });
});
