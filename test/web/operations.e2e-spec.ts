import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer } from '../support/auth.js';
import { DEMO_PRINCIPALS, demoDashboard } from './support/dashboard.js';

interface Status {
  name: string;
  state: string;
  generation: number;
  eventsProcessed: number;
}

const STATE_WORDS: Record<string, string> = {
  running: 'running',
  catching_up: 'catching up',
  rebuilding: 'rebuilding',
  paused: 'paused',
  failed: 'failed',
};

async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A projection's row as the reader sees it: its state and generation. */
async function shownRow(page: Page, name: string): Promise<{ state: string; generation: number; rebuilding: boolean }> {
  const row = page.locator(`tr[data-projection="${name}"]`);
  const state = (await row.locator('.state').innerText()).trim();
  const generation = Number((await row.locator('td').nth(4).innerText()).replace(/\D/g, ''));
  const rebuilding = (await row.locator('progress').count()) > 0;
  return { state, generation, rebuilding };
}

describe('dashboard: operations', () => {
  const dashboard = demoDashboard();
  const admin = bearer(DEMO_PRINCIPALS.admin);

  beforeAll(async () => {});

  const statuses = async () => {
    const answer = await dashboard.api.graphql<{ projections: Status[] }>(
      '{ projections { name state generation eventsProcessed } }',
      undefined,
      admin,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.projections;
  };

  it('lists every projection with the API’s state, updates it live, pauses, resumes and rebuilds', async () => {
    const settled = await until(statuses, (list) => list.every((s) => s.state === 'running'));
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.admin, '/operations');
    try {
      await page.getByRole('heading', { name: 'Projections', level: 2 }).waitFor();
      await page.getByText('Live', { exact: true }).waitFor();
      const names = await page
        .locator('tr[data-projection]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-projection')));
      expect(names).toEqual(settled.map((s) => s.name));
      for (const status of settled) {
        expect({ name: status.name, state: (await shownRow(page, status.name)).state }).toEqual({
          name: status.name,
          state: STATE_WORDS[status.state],
        });
      }
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      await dashboard.screenshot(page, 'operations');

      // Paused from the view: the row says so, and so does the API.
      await page.getByRole('button', { name: 'Pause warnings' }).click();
      await until(
        () => shownRow(page, 'warnings'),
        (row) => row.state === 'paused',
      );
      expect((await statuses()).find((s) => s.name === 'warnings')?.state).toBe('paused');
      await page.getByRole('status').filter({ hasText: 'warnings: paused.' }).waitFor({ state: 'attached' });

      // Resumed by someone else (the API): the row follows live, through the subscription.
      const resumed = await dashboard.api.graphql(
        'mutation { resumeProjection(name: "warnings") { state } }',
        undefined,
        admin,
      );
      expect(resumed.errors).toBeUndefined();
      await until(
        () => shownRow(page, 'warnings'),
        (row) => row.state === 'running',
      );
      // And paused by someone else, then resumed from the view.
      await dashboard.api.graphql('mutation { pauseProjection(name: "directory") { state } }', undefined, admin);
      await until(
        () => shownRow(page, 'directory'),
        (row) => row.state === 'paused',
      );
      await page.getByRole('button', { name: 'Resume directory' }).click();
      await until(
        () => shownRow(page, 'directory'),
        (row) => row.state === 'running',
      );
      await until(statuses, (list) => list.every((s) => s.state === 'running'));

      // Rebuild the smallest projection, after confirming.
      const smallest = [...settled].sort((a, b) => a.eventsProcessed - b.eventsProcessed)[0]!;
      await page.getByRole('button', { name: `Rebuild ${smallest.name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Rebuild ${smallest.name}?` });
      await dialog.waitFor();
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      // Cancel first: nothing happens.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await statuses()).find((s) => s.name === smallest.name)?.generation).toBe(smallest.generation);
      await page.getByRole('button', { name: `Rebuild ${smallest.name}` }).click();
      await dialog.getByRole('button', { name: 'Rebuild' }).click();
      // A quick rebuild may finish between two looks: then only the generation shows it happened.
      const rebuilt = await until(
        async () => {
          const row = await shownRow(page, smallest.name);
          if (row.rebuilding) {
            // The rebuild may end (and its progress go) between the two looks: read it only if it is still there.
            const text = await page
              .locator(`tr[data-projection="${smallest.name}"] .rebuild-text`)
              .textContent({ timeout: 250 })
              .catch(() => null);
            if (text !== null) expect(text.trim()).toMatch(/^Rebuilding generation \d+:/);
          }
          return row;
        },
        (row) => row.generation > smallest.generation && row.state === 'running',
        30_000,
      );
      expect(rebuilt.generation).toBe(smallest.generation + 1);
      const after = (await statuses()).find((s) => s.name === smallest.name)!;
      expect(after).toMatchObject({ generation: smallest.generation + 1, state: 'running' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the dead letters (none in the demo) and is accessible', async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.admin, '/operations/dead-letters');
    try {
      await page.getByRole('heading', { name: 'Dead letters', level: 2 }).waitFor();
      const answer = await dashboard.api.graphql<{ deadLetters: unknown[] }>(
        '{ deadLetters { id } }',
        undefined,
        admin,
      );
      expect(answer.data!.deadLetters).toEqual([]);
      await page.getByText('No dead letters: no event has been skipped.').waitFor();
      expect(await page.getByRole('link', { name: 'Dead letters' }).getAttribute('aria-current')).toBe('page');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the audit trail, and a filter by event type narrows it as the API does', async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.admin, '/operations');
    try {
      await page.getByRole('link', { name: 'Audit trail' }).click();
      expect(new URL(page.url()).pathname).toBe('/operations/audit');
      const all = await dashboard.api.graphql<{
        auditTrail: { totalCount: number; edges: Array<{ node: { eventId: string } }> };
      }>('{ auditTrail(first: 20) { totalCount edges { node { eventId } } } }', undefined, admin);
      const total = all.data!.auditTrail.totalCount;
      expect(total).toBeGreaterThan(2000);
      await page.getByText(new RegExp(`^${total.toLocaleString('en-GB')} entries match · showing 1–20$`)).waitFor();
      const rows = page
        .locator('table', { has: page.locator('caption', { hasText: 'Audit entries' }) })
        .locator('tbody tr');
      expect(await rows.count()).toBe(20);

      await page.getByLabel('Event type').fill('ActivityCancelled');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const filtered = await dashboard.api.graphql<{
        auditTrail: { totalCount: number; edges: Array<{ node: { eventType: string; position: string } }> };
      }>(
        '{ auditTrail(first: 20, filter: { eventType: "ActivityCancelled" }) { totalCount edges { node { eventType position } } } }',
        undefined,
        admin,
      );
      const expected = filtered.data!.auditTrail;
      expect(expected.totalCount).toBeGreaterThan(0);
      expect(expected.totalCount).toBeLessThan(total);
      await page
        .getByText(
          new RegExp(
            `^${expected.totalCount} entr(y matches|ies match) these filters · showing 1–${expected.edges.length}$`,
          ),
        )
        .waitFor();
      expect(new URL(page.url()).searchParams.get('eventType')).toBe('ActivityCancelled');
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => {
          const row = tr as unknown as { querySelector(selector: string): { textContent: string | null } | null };
          return {
            eventType: row.querySelector('.event-type')?.textContent?.trim(),
            position: row.querySelector('code.position')?.textContent?.trim(),
          };
        }),
      );
      expect(shown).toEqual(expected.edges.map((edge) => edge.node));
      await dashboard.screenshot(page, 'operations-audit');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      // The URL is shareable: opening it again shows the same filtered list.
      const { page: again, context: second } = await dashboard.open(
        DEMO_PRINCIPALS.admin,
        `/operations/audit?eventType=ActivityCancelled`,
      );
      try {
        await again.getByText(new RegExp(`^${expected.totalCount} entr`)).waitFor();
        expect(await again.getByLabel('Event type').inputValue()).toBe('ActivityCancelled');
      } finally {
        await second.close();
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('tells a provider that the role may not open the view', async () => {
    const { page, context } = await dashboard.open(DEMO_PRINCIPALS.provider, '/operations');
    try {
      await page.getByRole('alert').filter({ hasText: 'Your role may not open this view.' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Operations' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('never sends a request beyond 127.0.0.1', () => {
    expect(dashboard.outsideRequests).toEqual([]);
  });
});
