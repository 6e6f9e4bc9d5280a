import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { startApi } from '../support/api-process.js';
import { DEMO_PRINCIPALS, demoDashboard } from './support/dashboard.js';

/** Signing in, the projects view, and the guarantees every view keeps: offline, accessible. */
describe('dashboard: signing in and the projects view', () => {
  const dashboard = demoDashboard();

  it('sends a visitor without a token to the sign-in page, and signs in with the development signer', async () => {
    const { page, context, errors } = await dashboard.open(null, '/projects');
    try {
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await page.getByRole('heading', { name: 'Development sign-in' }).waitFor();
      await dashboard.screenshot(page, 'sign-in');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Role').selectOption('provider');
      await page.getByLabel('Organisation').fill('org-home-care');
      await page.getByRole('button', { name: 'Get a development token' }).click();
      await page.getByRole('heading', { name: 'Projects' }).waitFor();
      expect(await page.evaluate("sessionStorage.getItem('coproduction.token')")).toMatch(/^ey/);
      expect(page.url()).not.toContain('ey');
      await dashboard.screenshot(page, 'sign-in-done');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the demo project for the provider with phase, territory, pilot month and signal sparklines', async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.provider, '/projects');
    try {
      const row = page.getByRole('row', { name: /Valley family carers pilot/ });
      await row.waitFor();
      await page.locator('.sparkline svg').first().waitFor();
      const text = await row.innerText();
      expect(text).toMatch(/valley/);
      expect(await row.locator('.sparkline').count()).toBe(4);
      await dashboard.screenshot(page, 'projects');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offers each role only the views it may open', async () => {
    const expectations: Array<[keyof typeof DEMO_PRINCIPALS, string[]]> = [
      ['provider', ['Projects']],
      ['researcher', ['Projects', 'Territories']],
      ['analyst', ['Projects', 'Territories']],
      ['admin', ['Projects', 'Territories', 'Operations']],
    ];
    // Each role in a browser context of its own, all at once.
    await Promise.all(
      expectations.map(async ([role, links]) => {
        const { page, context } = await dashboard.open(DEMO_PRINCIPALS[role], '/projects');
        try {
          await page.getByRole('heading', { name: 'Projects' }).waitFor();
          const shown = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
          expect({ role, shown }).toEqual({ role, shown: links });
        } finally {
          await context.close();
        }
      }),
    );
  });

  it('never sends a request beyond 127.0.0.1', () => {
    expect(dashboard.outsideRequests).toEqual([]);
  });
});

describe('dashboard in production', () => {
  it('is served, without the development sign-in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dashboard-production-'));
    const api = await startApi({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    try {
      const origin = new URL(api.url).origin;
      const page = await fetch(`${origin}/projects`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect((await fetch(`${origin}/auth/dev-token`)).status).toBe(404);
      const signer = await fetch(`${origin}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'admin' }),
      });
      expect(signer.status).toBe(404);
    } finally {
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
