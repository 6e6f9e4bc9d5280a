import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer, type TestPrincipal } from '../support/auth.js';
import { DEMO_PRINCIPALS, demoDashboard } from './support/dashboard.js';

/**
 * The records view of the demo project, checked against the API's own answers: the same first
 * page, the same rows under the same filter, the next page after "Load more"; carers never get it.
 */

interface Page1<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Node }>;
}

/** Enum values as the dashboard writes them: `co_design_workshop` → "co design workshop". */
const words = (value: string) => value.replace(/_/g, ' ').toLowerCase();

describe('dashboard: the records view', () => {
  const dashboard = demoDashboard();
  const provider = DEMO_PRINCIPALS.provider;

  beforeAll(async () => {});

  const path = (list: string, search = '') => `/projects/${dashboard.demo.projectId}/records/${list}${search}`;

  /** One page of one of the project's connections, as the provider gets it from the API. */
  async function apiPage<Node>(
    connection: string,
    fields: string,
    options: { filterType?: string; filter?: Record<string, unknown>; first?: number; after?: string | null } = {},
    principal: TestPrincipal = provider,
  ): Promise<Page1<Node>> {
    const filterType = options.filterType ?? '';
    const query = `query ($id: ID!, $first: Int!, $after: String${filterType ? `, $filter: ${filterType}` : ''}) {
      project(id: $id) {
        list: ${connection}(first: $first, after: $after${filterType ? ', filter: $filter' : ''}) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { ${fields} } }
        }
      }
    }`;
    const response = await dashboard.api.graphql<{ project: { list: Page1<Node> } }>(
      query,
      {
        id: dashboard.demo.projectId,
        first: options.first ?? 20,
        after: options.after ?? null,
        filter: options.filter,
      },
      bearer(principal),
    );
    expect(response.errors).toBeUndefined();
    return response.data!.project.list;
  }

  const rows = (page: Page) => page.locator('table.records-table > tbody > tr');

  /** Waits until the list's caption says how many rows it shows. */
  async function shown(page: Page, text: string | RegExp) {
    await page.locator('table.records-table caption').filter({ hasText: text }).waitFor();
  }

  async function applyFilters(page: Page, choose: (page: Page) => Promise<unknown>) {
    await choose(page);
    await page.getByRole('button', { name: 'Apply filters' }).click();
  }

  /** "Showing 20 of 50 activities." or, on the last page, "50 activities." */
  function summary(shownCount: number, total: number, one: string, many: string) {
    const noun = total === 1 ? one : many;
    return shownCount >= total ? `${total} ${noun}.` : `Showing ${shownCount} of ${total} ${noun}.`;
  }

  it('opens the activities by default, with the first page, the filters and the next page the API gives', async () => {
    interface ActivityRow {
      id: string;
      topic: string;
      kind: string;
      status: string;
      carersAttended: number;
      registeredCarers: number;
      cancellation: { carersConsulted: boolean | null; reason: string } | null;
    }
    const fields = 'id topic kind status carersAttended registeredCarers cancellation { carersConsulted reason }';
    const first = await apiPage<ActivityRow>('activities', fields);
    expect(first.totalCount).toBeGreaterThan(20);

    const { page, context, errors } = await dashboard.open(provider, `/projects/${dashboard.demo.projectId}/records`);
    try {
      await page.waitForURL(/\/records\/activities$/);
      await page.getByRole('heading', { name: 'Activities', level: 2 }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Project views' }).getByRole('link').allInnerTexts()).toContain(
        'Records',
      );
      await shown(page, summary(20, first.totalCount, 'activity', 'activities'));
      expect(await rows(page).count()).toBe(first.edges.length);

      // One row's fields, as the API gives them.
      const sample = first.edges[1]!.node;
      const row = rows(page).nth(1);
      expect(await row.getByRole('rowheader').getByRole('link').innerText()).toBe(sample.topic);
      const cells = await row.getByRole('cell').allInnerTexts();
      expect(cells[1]).toBe(words(sample.kind));
      expect(cells[2]).toContain(words(sample.status));
      expect(cells[3]).toBe(String(sample.carersAttended));
      expect(cells[4]).toBe(String(sample.registeredCarers));

      await dashboard.screenshot(page, 'records-activities');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      // "Load more" reads the page after the first one's endCursor.
      const second = await apiPage<ActivityRow>('activities', fields, { after: first.pageInfo.endCursor });
      await page.getByRole('button', { name: 'Load more activities' }).click();
      const loaded = first.edges.length + second.edges.length;
      await shown(page, summary(loaded, first.totalCount, 'activity', 'activities'));
      expect(await rows(page).count()).toBe(loaded);
      expect(await rows(page).nth(20).getByRole('rowheader').getByRole('link').innerText()).toBe(
        second.edges[0]!.node.topic,
      );
      // The focus goes on with the first new row.
      expect(await page.evaluate<string>("document.activeElement?.textContent ?? ''")).toContain(
        second.edges[0]!.node.topic,
      );

      // A filter narrows the list as the same filter narrows the API's.
      const cancelled = await apiPage<ActivityRow>('activities', fields, {
        filterType: 'ActivityFilterInput',
        filter: { status: 'cancelled' },
      });
      expect(cancelled.totalCount).toBeGreaterThan(0);
      expect(cancelled.totalCount).toBeLessThan(first.totalCount);
      await applyFilters(page, (p) => p.getByLabel('Status', { exact: true }).selectOption('cancelled'));
      await page.waitForURL(/status=cancelled/);
      await shown(page, `${cancelled.totalCount} ${cancelled.totalCount === 1 ? 'activity' : 'activities'}.`);
      expect(await rows(page).count()).toBe(cancelled.totalCount);
      const topics = await rows(page).getByRole('rowheader').getByRole('link').allInnerTexts();
      expect(topics).toEqual(cancelled.edges.map(({ node }) => node.topic));
      const consulted = cancelled.edges[0]!.node.cancellation!;
      const status = await rows(page).first().getByRole('cell').nth(2).innerText();
      expect(status).toContain(words(consulted.reason));
      expect(status).toMatch(
        new RegExp(
          `Carers consulted\\s+${consulted.carersConsulted === null ? 'not recorded' : consulted.carersConsulted ? 'yes' : 'no'}`,
        ),
      );

      // The filter is in the URL: the link shows the same list.
      const shared = await dashboard.open(provider, new URL(page.url()).pathname + new URL(page.url()).search);
      try {
        await shown(shared.page, `${cancelled.totalCount} ${cancelled.totalCount === 1 ? 'activity' : 'activities'}.`);
        expect(await shared.page.getByLabel('Status', { exact: true }).inputValue()).toBe('cancelled');
      } finally {
        await shared.context.close();
      }

      // Dates narrow it too: "until" keeps the whole day.
      const lastDay = '2024-06-30';
      const untilJune = await apiPage<ActivityRow>('activities', fields, {
        filterType: 'ActivityFilterInput',
        filter: { to: '2024-07-01T00:00:00.000Z' },
      });
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await applyFilters(page, (p) => p.getByLabel('Scheduled until', { exact: true }).fill(lastDay));
      await shown(page, summary(Math.min(20, untilJune.totalCount), untilJune.totalCount, 'activity', 'activities'));
      expect(await rows(page).count()).toBe(untilJune.edges.length);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("opens an activity's attendance from its row: carers by pseudonym, never by id or name", async () => {
    const first = await apiPage<{ id: string; topic: string }>('activities', 'id topic', { first: 2 });
    const activity = first.edges[1]!.node;
    const response = await dashboard.api.graphql<{
      activity: { attendance: { carers: Array<{ carerId: string; pseudonym: string | null }> } };
    }>(
      'query ($id: ID!) { activity(id: $id) { attendance { carers { carerId pseudonym } } } }',
      { id: activity.id },
      bearer(provider),
    );
    const carers = response.data!.activity.attendance.carers;
    expect(carers.length).toBeGreaterThan(0);

    const { page, context, errors } = await dashboard.open(provider, path('activities', '?kind=co_design_workshop'));
    try {
      await page.getByRole('link', { name: activity.topic, exact: true }).click();
      await page.getByRole('heading', { name: `Attendance: ${activity.topic}` }).waitFor();
      expect(page.url()).toContain(`/records/activities/${activity.id}?kind=co_design_workshop`);
      const table = page.getByRole('table', { name: /by pseudonym/ });
      const names = await table.locator('tbody th').allInnerTexts();
      expect(names).toEqual(carers.map((carer) => carer.pseudonym ?? 'a carer whose pseudonym is withheld'));
      const text = await page.locator('main').innerText();
      for (const carer of carers) expect(text).not.toContain(carer.carerId);
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      // Back to the list, with its filter.
      await page.getByRole('link', { name: '← Back to the activities' }).click();
      await page.waitForURL(/\/records\/activities\?kind=co_design_workshop$/);
      await shown(page, /co design workshop/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the decisions (consulted, contested, revised) as the API does, and filters them', async () => {
    interface DecisionRow {
      description: string;
      decidedByRole: string;
      status: string;
      carersConsulted: boolean;
      contestedCount: number;
      revisionCount: number;
      lastRevisionReason: string | null;
    }
    const fields = 'description decidedByRole status carersConsulted contestedCount revisionCount lastRevisionReason';
    const all = await apiPage<DecisionRow>('decisions', fields);
    expect(all.totalCount).toBeGreaterThan(0);
    const { page, context, errors } = await dashboard.open(provider, path('decisions'));
    try {
      await shown(page, summary(all.edges.length, all.totalCount, 'decision', 'decisions'));
      expect(await rows(page).count()).toBe(all.edges.length);
      const revisedIndex = all.edges.findIndex(({ node }) => node.revisionCount > 0);
      expect(revisedIndex).toBeGreaterThanOrEqual(0);
      const revised = all.edges[revisedIndex]!.node;
      const row = rows(page).nth(revisedIndex);
      const header = await row.getByRole('rowheader').innerText();
      expect(header).toContain(revised.description);
      expect(header).toContain(`Decided by ${words(revised.decidedByRole)}`);
      const cells = await row.getByRole('cell').allInnerTexts();
      expect(cells[1]).toBe(words(revised.status));
      expect(cells[3]).toContain(revised.carersConsulted ? 'yes' : 'no');
      expect(cells[4]).toContain(`${revised.contestedCount}×`);
      expect(cells[5]).toContain(revised.lastRevisionReason!);
      await dashboard.screenshot(page, 'records-decisions');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      const contested = await apiPage<DecisionRow>('decisions', fields, {
        filterType: 'DecisionFilterInput',
        filter: { contested: true },
      });
      expect(contested.totalCount).toBeLessThan(all.totalCount);
      await applyFilters(page, (p) => p.getByLabel('Contested', { exact: true }).selectOption('yes'));
      await shown(page, summary(contested.edges.length, contested.totalCount, 'decision', 'decisions'));
      const descriptions = await rows(page).getByRole('rowheader').allInnerTexts();
      expect(descriptions).toHaveLength(contested.edges.length);
      contested.edges.forEach(({ node }, index) => expect(descriptions[index]).toContain(node.description));

      // Nothing matches: the list says so.
      const none = await apiPage<DecisionRow>('decisions', fields, {
        filterType: 'DecisionFilterInput',
        filter: { contested: true, status: 'taken' },
      });
      expect(none.totalCount).toBe(0);
      await applyFilters(page, (p) => p.getByLabel('Status', { exact: true }).selectOption('taken'));
      await page.getByText('No decision matches these filters.').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the suggestions, adopted or declined with the reason, as the API does', async () => {
    interface SuggestionRow {
      description: string;
      status: string;
      declineReason: string | null;
      declineNote: string | null;
      adoptionNote: string | null;
      carer: { pseudonym: string } | null;
    }
    const fields = 'description status declineReason declineNote adoptionNote carer { pseudonym }';
    const all = await apiPage<SuggestionRow>('suggestions', fields);
    expect(all.totalCount).toBeGreaterThan(0);
    const { page, context, errors } = await dashboard.open(provider, path('suggestions'));
    try {
      await shown(page, summary(all.edges.length, all.totalCount, 'suggestion', 'suggestions'));
      expect(await rows(page).count()).toBe(all.edges.length);
      const adoptedIndex = all.edges.findIndex(({ node }) => node.adoptionNote && node.carer);
      const adopted = all.edges[adoptedIndex]!.node;
      const cells = await rows(page).nth(adoptedIndex).getByRole('cell').allInnerTexts();
      expect(cells[2]).toContain(adopted.carer!.pseudonym);
      expect(cells[3]).toBe(words(adopted.status));
      expect(cells[4]).toContain(adopted.adoptionNote!);
      await dashboard.screenshot(page, 'records-suggestions');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      const declined = await apiPage<SuggestionRow>('suggestions', fields, {
        filterType: 'SuggestionFilterInput',
        filter: { status: 'declined' },
      });
      expect(declined.totalCount).toBeGreaterThan(0);
      await applyFilters(page, (p) => p.getByLabel('Status', { exact: true }).selectOption('declined'));
      await shown(page, summary(declined.edges.length, declined.totalCount, 'suggestion', 'suggestions'));
      expect(await rows(page).count()).toBe(declined.edges.length);
      const outcome = await rows(page).first().getByRole('cell').nth(4).innerText();
      expect(outcome).toContain(words(declined.edges[0]!.node.declineReason!));
      expect(outcome).toContain(declined.edges[0]!.node.declineNote!);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the evidence with its coded observations, filters it and loads the next page', async () => {
    interface EvidenceRow {
      id: string;
      kind: string;
      phase: string;
      observations: Array<{ code: string; quote: { text: string } | null }>;
    }
    const fields = 'id kind phase observations { code quote { text } }';
    const first = await apiPage<EvidenceRow>('evidence', fields);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const { page, context, errors } = await dashboard.open(provider, path('evidence'));
    try {
      const noun = ['piece of evidence', 'pieces of evidence'] as const;
      await shown(page, summary(20, first.totalCount, ...noun));
      expect(await rows(page).count()).toBe(20);
      const index = first.edges.findIndex(({ node }) => node.observations.some((observation) => observation.quote));
      const sample = first.edges[index]!.node;
      const row = rows(page).nth(index);
      expect(await row.getByRole('rowheader').innerText()).toBe(words(sample.kind));
      const coded = await row.getByRole('cell').nth(3).innerText();
      for (const observation of sample.observations) {
        expect(coded).toContain(observation.code);
        if (observation.quote) expect(coded).toContain(observation.quote.text);
      }
      await dashboard.screenshot(page, 'records-evidence');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      const second = await apiPage<EvidenceRow>('evidence', fields, { after: first.pageInfo.endCursor });
      await page.getByRole('button', { name: 'Load more pieces of evidence' }).click();
      const loaded = 20 + second.edges.length;
      await shown(page, summary(loaded, first.totalCount, ...noun));
      expect(await rows(page).nth(20).getByRole('rowheader').innerText()).toBe(words(second.edges[0]!.node.kind));

      const interviews = await apiPage<EvidenceRow>('evidence', fields, {
        filterType: 'EvidenceFilterInput',
        filter: { kind: 'interview' },
      });
      await applyFilters(page, (p) => p.getByLabel('Kind', { exact: true }).selectOption('interview'));
      await shown(page, summary(interviews.edges.length, interviews.totalCount, ...noun));
      expect(await rows(page).count()).toBe(interviews.edges.length);
      expect(new Set(await rows(page).getByRole('rowheader').allInnerTexts())).toEqual(new Set(['interview']));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the coded observations with their taxonomy codes and quotes, filtered as the API filters them', async () => {
    interface ObservationRow {
      code: string;
      taxonomy: string;
      quote: { text: string; attribution: string } | null;
    }
    const fields = 'code taxonomy quote { text attribution }';
    const filter = { taxonomy: 'positive_outcomes' };
    const positive = await apiPage<ObservationRow>('observations', fields, {
      filterType: 'ObservationFilterInput',
      filter,
    });
    expect(positive.totalCount).toBeGreaterThan(0);
    const { page, context, errors } = await dashboard.open(
      provider,
      path('observations', '?taxonomy=positive_outcomes'),
    );
    try {
      const noun = ['coded observation', 'coded observations'] as const;
      await shown(page, summary(positive.edges.length, positive.totalCount, ...noun));
      expect(await rows(page).getByRole('rowheader').allInnerTexts()).toEqual(
        positive.edges.map(({ node }) => node.code),
      );
      const quoted = positive.edges.findIndex(({ node }) => node.quote);
      const quote = await rows(page).nth(quoted).getByRole('cell').last().innerText();
      expect(quote).toContain(positive.edges[quoted]!.node.quote!.text);
      expect(quote).toContain(positive.edges[quoted]!.node.quote!.attribution);

      // A code typed in the form narrows it further, as the API's `code` filter does.
      const code = positive.edges[0]!.node.code;
      const byCode = await apiPage<ObservationRow>('observations', fields, {
        filterType: 'ObservationFilterInput',
        filter: { ...filter, code },
      });
      await applyFilters(page, (p) => p.getByLabel('Code', { exact: true }).fill(code));
      await shown(page, summary(byCode.edges.length, byCode.totalCount, ...noun));
      expect(await rows(page).count()).toBe(byCode.edges.length);
      await dashboard.screenshot(page, 'records-observations');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the barriers with their adjustment actions, five a page, as the API does', async () => {
    interface BarrierRow {
      code: string;
      taxonomy: string;
      status: string;
      actions: Array<{ description: string; takenByOrganisation: { name: string } | null }>;
    }
    const fields = 'code taxonomy status actions { description takenByOrganisation { name } }';
    const all = await apiPage<BarrierRow>('barriers', fields);
    expect(all.totalCount).toBeGreaterThan(5);
    const { page, context, errors } = await dashboard.open(provider, path('barriers'));
    try {
      await shown(page, summary(all.edges.length, all.totalCount, 'barrier', 'barriers'));
      expect(await rows(page).getByRole('rowheader').locator('code').allInnerTexts()).toEqual(
        all.edges.map(({ node }) => node.code),
      );
      const sample = all.edges[0]!.node;
      expect(await rows(page).first().getByRole('rowheader').innerText()).toContain(words(sample.taxonomy));
      const cells = await rows(page).first().getByRole('cell').allInnerTexts();
      expect(cells[1]).toContain(words(sample.status));
      for (const action of sample.actions) {
        expect(cells[3]).toContain(action.description);
        expect(cells[3]).toContain(action.takenByOrganisation!.name);
      }
      await dashboard.screenshot(page, 'records-barriers');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      // Five a page, then the rest.
      const firstFive = await apiPage<BarrierRow>('barriers', fields, { first: 5 });
      await applyFilters(page, (p) => p.getByLabel('Rows per page', { exact: true }).selectOption('5'));
      await page.waitForURL(/size=5/);
      await shown(page, summary(5, all.totalCount, 'barrier', 'barriers'));
      await page.getByRole('button', { name: 'Load more barriers' }).click();
      await shown(page, summary(all.totalCount, all.totalCount, 'barrier', 'barriers'));
      const rest = await apiPage<BarrierRow>('barriers', fields, { first: 5, after: firstFive.pageInfo.endCursor });
      expect(await rows(page).nth(5).getByRole('rowheader').locator('code').innerText()).toBe(rest.edges[0]!.node.code);
      expect(await page.getByRole('button', { name: 'Load more barriers' }).count()).toBe(0);

      const open = await apiPage<BarrierRow>('barriers', fields, {
        filterType: 'BarrierFilterInput',
        filter: { status: 'open' },
      });
      await applyFilters(page, (p) => p.getByLabel('Status', { exact: true }).selectOption('open'));
      if (open.totalCount === 0) await page.getByText('No barrier matches these filters.').waitFor();
      else await shown(page, summary(open.edges.length, open.totalCount, 'barrier', 'barriers'));
      expect(await rows(page).count()).toBe(open.edges.length);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says when a list is empty, and shows the refusal of the API with its reason', async () => {
    // A project without decisions: the API's answer replaced by an empty connection.
    const { page, context, errors } = await dashboard.open(provider, path('decisions'));
    try {
      await page.route('**/graphql', async (route) => {
        const body = route.request().postDataJSON() as { operationName?: string } | null;
        if (body?.operationName !== 'RecordsDecisions') return route.fallback();
        return route.fulfill({
          json: {
            data: {
              project: {
                id: dashboard.demo.projectId,
                decisions: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
              },
            },
          },
        });
      });
      await page.reload();
      await page.getByText('No decisions recorded yet.').waitFor();
      expect(await page.locator('table.records-table').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Load more/ }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // A provider of an organisation that is no partner of the project.
    const outsider: TestPrincipal = { id: 'outsider-1', role: 'provider', org: 'org-elsewhere' };
    const refused = await dashboard.open(outsider, path('barriers'));
    try {
      const notice = refused.page.locator('.records-error').getByRole('alert');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('NOT_A_PROJECT_MEMBER');
      await refused.page.locator('.records-error').getByRole('button', { name: 'Try again' }).waitFor();
    } finally {
      await refused.context.close();
    }
  });

  it('is offered to researchers, analysts and admins', async () => {
    for (const role of ['researcher', 'analyst', 'admin'] as const) {
      const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS[role], path('decisions'));
      try {
        await page.getByRole('navigation', { name: 'Project views' }).getByRole('link', { name: 'Records' }).waitFor();
        await page.locator('table.records-table caption').waitFor();
        expect({ role, refusals: await page.locator('.notice-error').count(), errors }).toEqual({
          role,
          refusals: 0,
          errors: [],
        });
      } finally {
        await context.close();
      }
    }
  });

  it('is not offered to a carer, and says the role may not open it', async () => {
    expect(dashboard.demo.carerId).toBeTruthy();
    const carer: TestPrincipal = { id: dashboard.demo.carerId!, role: 'carer' };
    const { page, context } = await dashboard.open(carer, `/projects/${dashboard.demo.projectId}/signals`);
    try {
      const tabs = page.getByRole('navigation', { name: 'Project views' });
      await tabs.getByRole('link', { name: 'Signals' }).waitFor();
      expect(await tabs.getByRole('link').allInnerTexts()).not.toContain('Records');
      await page.goto(`${dashboard.origin}/projects/${dashboard.demo.projectId}/records`);
      await page.getByRole('alert').filter({ hasText: 'Your role may not open this view.' }).waitFor();
      expect(await page.locator('table.records-table').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('never sends a request beyond 127.0.0.1', () => {
    expect(dashboard.outsideRequests).toEqual([]);
  });
});
