import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApi, type RunningApi } from './support/api-process.js';
import { suiteApi, suiteStore } from './support/suite-api.js';
import { ADMIN } from './support/auth.js';
import { launchProject } from './support/project.js';

/*
 * The GraphQL explorer (GET /graphql in a browser) in a real headless Chromium with no way out:
 * every request to a host other than 127.0.0.1 is recorded and aborted. The page must load all it
 * needs from the API, say how to get a token, and run a query and a subscription once one is set
 * in its Headers tab. Needs Debian's chromium (.ci/run installs it); CHROMIUM_PATH overrides.
 * EXPLORER_SCREENSHOT=<file.png> saves the page with the query's result.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const QUERY_EDITOR = '.graphiql-query-editor';
const HEADERS_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden)';
const RESULT = '.result-window';

interface CodeMirrorHost {
  /** GraphiQL notes the operation to run on the query editor, 100 ms after each edit. */
  CodeMirror: { getValue(): string; operationName?: string | null };
}

/** The text of a GraphiQL editor (CodeMirror 5 only renders the lines in view). */
const editorText = (page: Page, editor: string): Promise<string> =>
  page
    .locator(`${editor} .CodeMirror`)
    .first()
    .evaluate((element) => (element as unknown as CodeMirrorHost).CodeMirror.getValue());

async function waitFor<T>(what: string, read: () => Promise<T>, wanted: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (wanted(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const waitForEditorText = (page: Page, editor: string, wanted: (text: string) => boolean) =>
  waitFor(`${editor} shows`, () => editorText(page, editor), wanted);

/** Waits until GraphiQL has taken in an edit of the query: what it would run is the named operation. */
const waitForOperation = (page: Page, name: string) =>
  waitFor(
    'the operation to run is',
    () =>
      page
        .locator(`${QUERY_EDITOR} .CodeMirror`)
        .evaluate((element) => (element as unknown as CodeMirrorHost).CodeMirror.operationName),
    (operation) => operation === name,
  );

/** Replaces an editor's contents as a user pasting would. */
async function paste(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(`${editor} .CodeMirror`).first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  expect(await editorText(page, editor)).toBe(text);
}

describe('the GraphQL explorer in a browser, with no internet', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'graphql-explorer-'));
  const store = suiteStore('graphql_explorer');
  const projectId = randomUUID();
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  let page: Page;
  /** Everything the page asked for, and what was stopped on its way out. */
  const requests: Array<{ method: string; url: string; postData: string | null }> = [];
  const sockets: string[] = [];
  const external: string[] = [];
  const problems: string[] = [];
  const cacheControl = new Map<string, string | undefined>();

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `No Chromium at ${CHROMIUM}: this test drives a real browser. Install Debian's chromium ` +
          '(apt-get install chromium, as .ci/run does) or point CHROMIUM_PATH at a Chromium binary.',
      );
    api = await startApi({ DATA_DIR: dataDir, ...store.env });
    await launchProject(api, projectId);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
      external.push(url.href);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) =>
      requests.push({ method: request.method(), url: request.url(), postData: request.postData() }),
    );
    context.on('response', (response) =>
      cacheControl.set(new URL(response.url()).pathname, response.headers()['cache-control']),
    );
    page = await context.newPage();
    page.on('websocket', (socket) => sockets.push(socket.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await store.drop();
  });

  it('loads GraphiQL and everything it needs from the API itself', async () => {
    await page.goto(api!.url, { waitUntil: 'load' });
    await page.locator(`${QUERY_EDITOR} .CodeMirror`).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).waitFor();

    const origin = new URL(api!.url).origin;
    const loaded = requests.filter((request) => request.method === 'GET').map((request) => request.url);
    expect(loaded[0]).toBe(api!.url);
    for (const file of [
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      'graphiql.min.css',
      'explorer.js',
      'explorer.css',
    ]) {
      expect(loaded).toContainEqual(
        expect.stringMatching(`^${origin}/graphql-explorer/${file.replace(/\./g, '\\.')}\\?v=`),
      );
      expect(cacheControl.get(`/graphql-explorer/${file}`)).toContain('max-age=31536000');
    }
    expect(loaded.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  });

  it('says how to get a token and where to put it, and opens with an example query', async () => {
    const note = page.locator('#explorer-note');
    await expect(note.textContent()).resolves.toContain('npm run -s token -- --role admin | tail -n 1');
    await expect(note.textContent()).resolves.toContain('{"authorization": "Bearer <token>"}');
    expect(await editorText(page, QUERY_EDITOR)).toContain('projects(first: 5)');
    expect(JSON.parse(await editorText(page, HEADERS_EDITOR))).toEqual({ authorization: 'Bearer <token>' });
    // With the placeholder still there nothing is sent; the answer says what to do.
    const answer = JSON.parse(await waitForEditorText(page, RESULT, (text) => text.includes('No token yet')));
    expect(answer.errors[0].message).toContain('npm run -s token');
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('reads the schema again once a token is pasted, and runs the example query with it', async () => {
    const introspected = page.waitForResponse(
      (response) => response.request().method() === 'POST' && !!response.request().postData()?.includes('__schema'),
    );
    await waitForOperation(page, 'Projects');
    await paste(page, HEADERS_EDITOR, JSON.stringify(ADMIN));
    const schema = (await (await introspected).json()) as { data?: { __schema?: unknown } };
    expect(schema.data?.__schema).toBeDefined();

    await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
    const result = JSON.parse(await waitForEditorText(page, RESULT, (text) => text.includes('"projects"')));
    expect(result.errors).toBeUndefined();
    expect(result.data.projects.totalCount).toBeGreaterThanOrEqual(1);
    expect(result.data.projects.edges).toContainEqual({
      node: { id: projectId, name: 'Valley pilot', phase: expect.any(String) },
    });
    const sent = requests.filter((request) => request.method === 'POST' && request.postData?.includes('projects('));
    expect(sent).toHaveLength(1);

    if (process.env.EXPLORER_SCREENSHOT) await page.screenshot({ path: process.env.EXPLORER_SCREENSHOT });
  });

  it('runs a subscription over graphql-ws at the same address', async () => {
    await paste(page, QUERY_EDITOR, 'subscription Live { projectionStatus { name state } }');
    await waitForOperation(page, 'Live');
    await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
    const pushed = JSON.parse(await waitForEditorText(page, RESULT, (text) => text.includes('"projectionStatus"')));
    expect(pushed.errors).toBeUndefined();
    expect(pushed.data.projectionStatus.length).toBeGreaterThan(0);
    expect(sockets).toEqual([api!.url.replace('http://', 'ws://')]);
    await page.getByRole('button', { name: 'Stop query' }).click();
  });

  it('sent nothing beyond 127.0.0.1 and logged no errors', () => {
    expect(external).toEqual([]);
    expect(requests.map((request) => new URL(request.url).hostname).filter((host) => !LOCAL_HOSTS.has(host))).toEqual(
      [],
    );
    expect(problems).toEqual([]);
  });
});

describe('the GraphQL explorer in production', () => {
  const api = suiteApi('graphql-explorer-prod', { env: { NODE_ENV: 'production' } });

  beforeAll(async () => {}, 120_000);
  it('is off unless GRAPHQL_LANDING_PAGE=true: no page, no files', async () => {
    const pageResponse = await fetch(api.url, { headers: { accept: 'text/html' } });
    await pageResponse.text();
    expect(pageResponse.headers.get('content-type')).not.toContain('text/html');
    const file = await fetch(new URL('/graphql-explorer/graphiql.min.js', api.url));
    await file.text();
    expect(file.status).toBe(404);
  });
});
