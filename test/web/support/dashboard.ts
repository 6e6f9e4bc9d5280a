import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApi, type RunningApi } from '../../support/api-process.js';
import { bearer as bearerFor, tokenFor, type TestPrincipal } from '../../support/auth.js';
import { projectionsCaughtUp } from '../../support/commands.js';
import { runSeed } from '../../support/seed.js';

/**
 * The dashboard in a real browser: the built platform on a copy of the seeded demo, Debian's
 * chromium driven by playwright-core, every request that would leave 127.0.0.1 recorded and cut.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'dashboard');

/** What the demo seed printed (`--json`): the ids the views are opened with. */
export interface DemoIds {
  readonly projectId: string;
  readonly territoryId: string;
  readonly organisations: readonly { id: string; name: string }[];
  readonly carerId: string | null;
}

/** Principals of the demo, as `seed:demo` prints their token commands. */
export const DEMO_PRINCIPALS = {
  provider: { id: 'home-care-coordinator-1', role: 'provider', org: 'org-home-care' },
  researcher: { id: 'university-researcher-1', role: 'researcher', org: 'org-university' },
  analyst: { id: 'dev-analyst', role: 'analyst', org: 'org-university' },
  admin: { id: 'university-administrator-1', role: 'admin' },
} as const satisfies Record<string, TestPrincipal>;

/**
 * The demo is seeded once per build into a template directory (about 15 s), then copied for each
 * suite, so suites neither wait for the seed again nor share a data directory.
 */
async function demoTemplate(): Promise<string> {
  const stamp = Math.round(statSync('dist/.build-stamp').mtimeMs);
  const template = join(tmpdir(), `coproduction-demo-${stamp}`);
  const lock = `${template}.lock`;
  const deadline = Date.now() + 180_000;
  while (!existsSync(join(template, 'demo.json'))) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`waited too long for ${template}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      const building = `${template}.building`;
      rmSync(building, { recursive: true, force: true });
      const seed = await runSeed({ DATA_DIR: building, LOG_LEVEL: 'warn' }, ['--json']);
      if (seed.code !== 0) throw new Error(`seed:demo failed:\n${seed.output}`);
      const json = JSON.parse(seed.output.trim().split('\n').pop()!) as {
        demo: {
          projectId: string;
          territoryId: string;
          organisations: DemoIds['organisations'];
          tokenCommands: { carer: string | null };
        };
      };
      const carerId = /--sub (\S+)/.exec(json.demo.tokenCommands.carer ?? '')?.[1] ?? null;
      const ids: DemoIds = { ...json.demo, carerId };
      await projectOnce(building);
      writeFileSync(join(building, 'demo.json'), JSON.stringify(ids));
      renameSync(building, template);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return template;
}

/** Runs the projections over the seeded log once, so each copy starts with its read models caught up. */
async function projectOnce(dataDir: string): Promise<void> {
  const api = await startApi({ DATA_DIR: dataDir });
  try {
    await projectionsCaughtUp(api, bearerFor({ id: 'template-admin', role: 'admin' }));
  } finally {
    await api.stop();
  }
}

export interface Dashboard {
  readonly api: RunningApi;
  readonly origin: string;
  readonly demo: DemoIds;
  readonly browser: Browser;
  /** Requests the pages tried to send anywhere but this machine (all of them were cut). */
  readonly outsideRequests: string[];
  /** A fresh browser context signed in as the principal (token in sessionStorage), at `path`. */
  open(
    principal: TestPrincipal | null,
    path: string,
  ): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  screenshot(page: Page, name: string): Promise<void>;
  /** Serious and critical axe-core violations on the page as it is now. */
  accessibilityViolations(page: Page): Promise<Array<{ id: string; impact: string; help: string; nodes: number }>>;
  close(): Promise<void>;
}

export async function startDashboard(
  options: { seeded: boolean; env?: Record<string, string> } = { seeded: true },
): Promise<Dashboard> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'dashboard-'));
  let demo: DemoIds = { projectId: '', territoryId: '', organisations: [], carerId: null };
  if (options.seeded) {
    const template = await demoTemplate();
    cpSync(template, dataDir, { recursive: true });
    rmSync(join(dataDir, 'platform.pid'), { force: true });
    demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoIds;
  }
  const api = await startApi({ DATA_DIR: dataDir, ...options.env });
  const origin = new URL(api.url).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const outsideRequests: string[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  return {
    api,
    origin,
    demo,
    browser,
    outsideRequests,
    async open(principal, path) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      await context.route('**/*', async (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === '127.0.0.1' || host === 'localhost') return route.continue();
        outsideRequests.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      if (principal) {
        const token = tokenFor(principal);
        await context.addInitScript(`sessionStorage.setItem('coproduction.token', ${JSON.stringify(token)})`);
      }
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${origin}${path}`);
      return { page, context, errors };
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async accessibilityViolations(page) {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: {
              run(): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: unknown[] }> }>;
            };
          }
        ).axe;
        const result = await axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
      });
      return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    },
    async close() {
      await browser.close();
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The seeded dashboard the tests of one describe block share: started before them (a few minutes
 * the first time, while the demo template is recorded), closed after them. Call it in the describe
 * block; what it returns stands for the dashboard from the block's first hook on.
 */
export function demoDashboard(): Dashboard {
  let started: Dashboard | undefined;
  beforeAll(async () => {
    started = await startDashboard({ seeded: true });
  }, 240_000);
  afterAll(async () => {
    await started?.close();
  });
  const dashboard = (): Dashboard => {
    if (!started) throw new Error('the dashboard is not running: use it inside hooks and tests');
    return started;
  };
  return {
    get api() {
      return dashboard().api;
    },
    get origin() {
      return dashboard().origin;
    },
    get demo() {
      return dashboard().demo;
    },
    get browser() {
      return dashboard().browser;
    },
    get outsideRequests() {
      return dashboard().outsideRequests;
    },
    open: (principal, path) => dashboard().open(principal, path),
    screenshot: (page, name) => dashboard().screenshot(page, name),
    accessibilityViolations: (page) => dashboard().accessibilityViolations(page),
    close: () => dashboard().close(),
  };
}

/**
 * Sets several labelled inputs and fires their input events one after the other in a single task,
 * so the page cannot render between them (a person cannot type that fast; a browser filling a form
 * can). Through React's own value setter, as typing does, so React sees each change.
 */
export async function fillInOneTick(page: Page, values: Record<string, string>): Promise<void> {
  const inputs = await Promise.all(
    Object.keys(values).map(async (label) => {
      const handle = await page.getByLabel(label).elementHandle();
      if (!handle) throw new Error(`no input labelled ${label}`);
      return handle;
    }),
  );
  await page.evaluate(
    ({ elements, texts }) => {
      // Runs in the page: its DOM's input prototype (this file is compiled without the DOM types).
      const input = (globalThis as unknown as { HTMLInputElement: { prototype: object } }).HTMLInputElement;
      const setValue = Object.getOwnPropertyDescriptor(input.prototype, 'value')!.set!;
      elements.forEach((element, index) => {
        setValue.call(element, texts[index]);
        element.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    { elements: inputs as unknown as EventTarget[], texts: Object.values(values) },
  );
}
