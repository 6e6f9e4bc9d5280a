/**
 * npm run bench:dashboard [-- --loads 10] [--json]
 *
 * How long a project's signals view takes to show on the demo pilot, in Debian's chromium, beside
 * a baseline measured in the same run: the same GraphQL requests the view sends, sent straight to
 * the API (so the ratio is what the browser, the bundle and rendering add). Seeds the demo into a
 * temporary directory, starts the built API on it, and loads the view `--loads` times in fresh
 * browser contexts (no cache): the first load and the median and worst of all.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { TokenIssuer } from '#auth';
import { flag, option, printTable, round } from './support.js';

const SECRET = 'bench-only-secret-0123456789abcdef0123456789';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PORT = 3000 + Math.floor(Math.random() * 2000) + 5000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function waitForApi(origin: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${origin}/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the API did not start');
}

async function main(): Promise<void> {
  const loads = option('loads', 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-dashboard-'));
  const env = { ...process.env, DATA_DIR: dataDir, JWT_SECRET: SECRET, LOG_LEVEL: 'warn', PORT: String(PORT) };
  const seeded = spawnSync(process.execPath, ['dist/apps/seed/src/main.js', '--json'], { env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const demo = (JSON.parse(seeded.stdout.trim().split('\n').pop()!) as { demo: { projectId: string } }).demo;
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${PORT}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    await waitForApi(origin);
    const issuer = new TokenIssuer(SECRET, {
      issuer: 'coproduction-platform',
      audience: 'coproduction-api',
      tokenTtlSeconds: 3600,
    });
    const { token } = await issuer.issue({
      id: 'home-care-coordinator-1',
      role: 'provider',
      organisationId: 'org-home-care',
    });
    const path = `/projects/${demo.projectId}/signals`;

    // The view's own requests, recorded once, then replayed straight to the API as the baseline.
    const recorded: string[] = [];
    const loadOnce = async (record: boolean): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(`sessionStorage.setItem('coproduction.token', ${JSON.stringify(token)})`);
      const page = await context.newPage();
      if (record)
        page.on('request', (request) => {
          if (request.url().endsWith('/graphql') && request.method() === 'POST')
            recorded.push(request.postData() ?? '');
        });
      const started = performance.now();
      await page.goto(`${origin}${path}`);
      await page.waitForSelector('.chart svg path', { state: 'attached', timeout: 30_000 });
      await page.waitForSelector('table tbody tr', { timeout: 30_000 });
      const seconds = (performance.now() - started) / 1000;
      await context.close();
      return seconds;
    };
    const first = await loadOnce(true);
    const times = [first];
    for (let i = 1; i < loads; i++) times.push(await loadOnce(false));

    const baseline: number[] = [];
    for (let i = 0; i < loads; i++) {
      const started = performance.now();
      await Promise.all(
        recorded.map((body) =>
          fetch(`${origin}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body,
          }).then((response) => response.text()),
        ),
      );
      baseline.push((performance.now() - started) / 1000);
    }
    const result = {
      loads,
      requests: recorded.length,
      firstLoadSeconds: round(first, 3),
      medianLoadSeconds: round(median(times), 3),
      worstLoadSeconds: round(Math.max(...times), 3),
      baselineMedianSeconds: round(median(baseline), 3),
      ratioMedianToBaseline: round(median(times) / median(baseline), 1),
    };
    printTable([
      {
        view: 'project signals',
        requests: result.requests,
        'first load s': result.firstLoadSeconds,
        'median s': result.medianLoadSeconds,
        'worst s': result.worstLoadSeconds,
        'api only s': result.baselineMedianSeconds,
        ratio: result.ratioMedianToBaseline,
      },
    ]);
    if (flag('json')) console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
