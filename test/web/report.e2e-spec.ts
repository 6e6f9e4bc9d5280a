import { describe, expect, it } from '@jest/globals';
import type { Locator } from 'playwright-core';
import { bearer, type TestPrincipal } from '../support/auth.js';
import { DEMO_PRINCIPALS, demoDashboard } from './support/dashboard.js';

interface Score {
  average: number | null;
  answered: number | null;
  suppressed: boolean;
  target: { met: boolean | null } | null;
}

interface Line {
  kind: string;
  held: number;
  cancelled: number;
  attendances: number | null;
  suppressed: boolean;
  satisfaction: Score;
  understanding: Score;
  target: { value: number; met: boolean | null } | null;
}

type Counter = 'likes' | 'visits' | 'downloads' | 'shares';
const COUNTERS: readonly Counter[] = ['likes', 'visits', 'downloads', 'shares'];

interface Channel extends Record<Counter, number | null> {
  measured: Record<Counter, boolean>;
  newPatientsInformed: number;
  newPatientsInformedMeasured: boolean;
}

interface ReportAnswer {
  assessmentReport: {
    suppressed: boolean;
    channels: Channel[];
    activities: Line[];
    overall: Omit<Line, 'kind' | 'target'>;
    reach: {
      distinctCarers: number | null;
      met: boolean | null;
      suppressed: boolean;
      suppressionReason: string | null;
    };
  };
}

const SCORE = `average answered suppressed target { met }`;
const REPORT = `query R($projectId: ID!, $asOf: DateTime) {
  assessmentReport(projectId: $projectId, asOf: $asOf) {
    suppressed
    activities { kind held cancelled attendances suppressed satisfaction { ${SCORE} } understanding { ${SCORE} } target { value met } }
    overall { held cancelled attendances suppressed satisfaction { ${SCORE} } understanding { ${SCORE} } }
    reach { distinctCarers met suppressed suppressionReason }
    channels { likes visits downloads shares measured { likes visits downloads shares } newPatientsInformed newPatientsInformedMeasured }
  }
}`;

/** As the page formats them (en-GB): a count, a share with one decimal. */
const count = (value: number) => value.toLocaleString('en-GB');
const share = (value: number) =>
  new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);
const verdict = (met: boolean | null) => (met === true ? 'met' : met === false ? 'missed' : null);

/** The assessment report: the API's numbers, met and missed, withheld small groups, and print. */
describe('dashboard: the assessment report view', () => {
  const dashboard = demoDashboard();

  const path = () => `/projects/${dashboard.demo.projectId}/report`;
  async function apiReport(principal: TestPrincipal, asOf: string | null = null) {
    const answer = await dashboard.api.graphql<ReportAnswer>(
      REPORT,
      { projectId: dashboard.demo.projectId, asOf },
      bearer(principal),
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.assessmentReport;
  }
  const cells = async (row: Locator) => row.locator('td').allInnerTexts();

  it('shows the provider the numbers the API computes, each target met or missed', async () => {
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.provider, path());
    try {
      const activities = page.getByRole('table', { name: /Sessions held and cancelled/ });
      await activities.waitFor();
      const report = await apiReport(DEMO_PRINCIPALS.provider);
      const training = report.activities.find((line) => line.kind === 'training_course')!;
      expect(training.held).toBeGreaterThan(0);

      // Held, cancelled and attendances per kind, and over all activities.
      const trainingRow = activities.locator('tr[data-kind="training_course"]');
      expect(await trainingRow.locator('th').innerText()).toBe('Training courses');
      const [held, cancelled, , , attendances] = await cells(trainingRow);
      expect([held, cancelled, attendances]).toEqual([
        count(training.held),
        count(training.cancelled),
        count(training.attendances!),
      ]);
      const [overallHeld] = await cells(activities.locator('tr[data-kind="overall"]'));
      expect(overallHeld).toBe(count(report.overall.held));

      // Satisfaction and understanding shares with their answered counts.
      const scores = page.getByRole('table', { name: /Understanding and satisfaction by activity kind/ });
      const [understanding, quizzes, , satisfaction, responses, satisfactionVerdict] = await cells(
        scores.locator('tr[data-kind="training_course"]'),
      );
      expect(understanding).toBe(share(training.understanding.average!));
      expect(quizzes).toBe(count(training.understanding.answered!));
      expect(satisfaction).toBe(share(training.satisfaction.average!));
      expect(responses).toBe(count(training.satisfaction.answered!));
      expect(satisfactionVerdict).toContain(verdict(training.satisfaction.target!.met)!);

      // Targets: met or missed in words and with the met/missed classes, as the API judges them.
      const targets = page.getByRole('table', { name: /Each target/ });
      for (const line of report.activities.filter((l) => l.target && l.target.met !== null)) {
        const row = targets.locator(`tr[data-target="cadence:${line.kind}"]`);
        const word = verdict(line.target!.met)!;
        expect(await row.locator(`.${word}`).innerText()).toContain(word);
      }
      const reachWord = verdict(report.reach.met)!;
      expect(await targets.locator('tr[data-target="reach"]').locator(`.${reachWord}`).innerText()).toContain(
        reachWord,
      );
      expect(await targets.locator('.met').count()).toBeGreaterThan(0);
      expect(await targets.locator('.missed').count()).toBeGreaterThan(0);
      // Providers see everything.
      expect(await page.locator('.suppressed').count()).toBe(0);

      // Channels: a counter no reading gave says "not measured" (the website has no likes), never 0 or a
      // dash; a measured one its number, a recorded 0 included.
      const channels = page.getByRole('table', { name: /What the counters gained in the window/ });
      expect(report.channels.length).toBeGreaterThan(0);
      for (const [index, channel] of report.channels.entries()) {
        const row = channels.locator('tbody tr').nth(index);
        for (const counter of [...COUNTERS, 'newPatientsInformed' as const]) {
          const measured =
            counter === 'newPatientsInformed' ? channel.newPatientsInformedMeasured : channel.measured[counter];
          expect(await row.locator(`td[data-counter="${counter}"]`).innerText()).toBe(
            measured ? count(channel[counter]!) : 'not measured',
          );
        }
      }
      expect(await channels.locator('td.not-measured').count()).toBeGreaterThan(0);

      await dashboard.screenshot(page, 'report');
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);

      // Printed: navigation, tabs, buttons and the window picker hidden; the report itself shown.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await page.locator('nav.tabs').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await page.locator('.report-window').isVisible()).toBe(false);
      expect(await activities.isVisible()).toBe(true);
      expect(await page.getByText(/^Printed on /).isVisible()).toBe(true);
      // Every table fits the page: nothing scrolls sideways (A4 portrait is about 718 CSS px wide).
      await page.setViewportSize({ width: 718, height: 1000 });
      const overflowing = await page
        .locator('.report-view .table-scroll')
        .evaluateAll((boxes) => boxes.filter((box) => box.scrollWidth > box.clientWidth + 1).length);
      expect(overflowing).toBe(0);
      await dashboard.screenshot(page, 'report-print');

      // On a 768 px screen too, every table fits without scrolling sideways, and stays accessible.
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 768, height: 1000 });
      expect(
        await page
          .locator('.report-view .table-scroll')
          .evaluateAll((boxes) => boxes.filter((box) => box.scrollWidth > box.clientWidth + 1).length),
      ).toBe(0);
      expect(await dashboard.accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the researcher the withheld wording where the API withholds small groups', async () => {
    // At the end of the pilot's first month few carers had taken part: the API withholds figures.
    const asOf = '2024-01-31T23:59:59.999Z';
    const report = await apiReport(DEMO_PRINCIPALS.researcher, asOf);
    expect(report.suppressed).toBe(true);
    const { page, context, errors } = await dashboard.open(DEMO_PRINCIPALS.researcher, `${path()}?asOf=${asOf}`);
    try {
      const activities = page.getByRole('table', { name: /Sessions held and cancelled/ });
      await activities.waitFor();
      expect(await page.locator('.banner-past').innerText()).toMatch(/what had happened by/);
      for (const line of report.activities) {
        const row = activities.locator(`tr[data-kind="${line.kind}"]`);
        const withheld = await row.locator('.suppressed').count();
        expect({ kind: line.kind, withheld: withheld > 0 }).toEqual({ kind: line.kind, withheld: line.suppressed });
        if (line.suppressed) {
          expect(await row.innerText()).toContain('withheld: fewer than 5 carers');
        }
      }
      if (report.reach.suppressed) {
        const reach = page.getByRole('table', { name: /Distinct carers who attended/ });
        expect(await reach.innerText()).toContain('withheld: fewer than 5 carers');
        expect(await reach.innerText()).toContain(report.reach.suppressionReason!);
      }
      // The reasons, in the API's words, listed above the tables.
      expect(await page.locator('.report-withheld').innerText()).toContain(
        'withheld so that no carer can be singled out',
      );
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
