import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { EXPLORER_ASSETS_PATH, explorerAssets } from './explorer-assets.js';
import {
  DEFAULT_HEADERS,
  EXAMPLE_QUERY,
  explorerHtml,
  explorerLandingPage,
  TOKEN_COMMAND,
  TOKEN_PLACEHOLDER,
} from './explorer-page.js';
import { EXPLORER_SCRIPT } from './explorer-script.js';

const assets = explorerAssets();
const html = explorerHtml(assets, '/graphql');

/** Every src and href of the page. */
const references = () => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);

describe('the GraphQL explorer page', () => {
  it('loads everything from this server: no absolute address anywhere in the page', () => {
    expect(html).not.toMatch(/\b(?:https?|wss?):\/\//i);
    expect(html).not.toMatch(/["'(]\/\//); // protocol-relative
    expect(references().length).toBeGreaterThanOrEqual(6);
    for (const reference of references()) {
      expect(reference === 'data:,' || reference.startsWith(`${EXPLORER_ASSETS_PATH}/`)).toBe(true);
    }
  });

  it('references only files the server has, at versioned addresses', () => {
    const served = references()
      .filter((reference) => reference.startsWith(EXPLORER_ASSETS_PATH))
      .map((reference) => new URL(reference, 'http://127.0.0.1'));
    expect(served.map((url) => url.pathname.slice(EXPLORER_ASSETS_PATH.length + 1)).sort()).toEqual([
      'explorer.css',
      'explorer.js',
      'graphiql.min.css',
      'graphiql.min.js',
      'react-dom.production.min.js',
      'react.production.min.js',
    ]);
    for (const url of served) {
      const asset = assets.get(url.pathname.slice(EXPLORER_ASSETS_PATH.length + 1))!;
      expect(url.searchParams.get('v')).toBe(asset.version);
      if (asset.file) expect(readFileSync(asset.file).length).toBeGreaterThan(1000);
    }
    expect(assets.get('graphiql.min.js')!.version).toMatch(/^3\./);
    expect(assets.get('react.production.min.js')!.version).toMatch(/^18\./);
  });

  it("serves GraphiQL's styles with their fonts inlined: nothing they fetch from elsewhere", () => {
    const css = readFileSync(assets.get('graphiql.min.css')!.file!, 'utf8');
    expect(css).not.toMatch(/@import/);
    const urls = [...css.matchAll(/url\(\s*['"]?([^'")]*)/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith('data:'))).toEqual([]);
  });

  it('opens with a query that parses and a header editor waiting for the token', () => {
    const config = JSON.parse(/<script type="application\/json" id="explorer-config">(.*?)<\/script>/s.exec(html)![1]!);
    expect(config).toMatchObject({ path: '/graphql', query: EXAMPLE_QUERY, headers: DEFAULT_HEADERS });
    expect(parse(config.query).definitions).toHaveLength(1);
    expect(JSON.parse(config.headers)).toEqual({ authorization: `Bearer ${TOKEN_PLACEHOLDER}` });
    expect(config.tokenHelp).toContain(TOKEN_COMMAND);
  });

  it('tells the user how to get a token and where to put it', () => {
    expect(html).toContain('<code>npm run -s token -- --role admin | tail -n 1</code>');
    expect(html).toContain('<code>{&quot;authorization&quot;: &quot;Bearer &lt;token&gt;&quot;}</code>');
    expect(html).toMatch(/Headers<\/strong> tab/);
  });

  it('keeps its configuration inert: no value can close the script element', () => {
    const page = explorerHtml(assets, '/graphql</script><script>alert(1)</script>');
    expect(page).not.toContain('</script><script>alert(1)');
  });

  it('has a start-up script that compiles, and no inline script', () => {
    expect(() => new Script(EXPLORER_SCRIPT)).not.toThrow();
    expect([...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/g)]).toEqual([]);
  });

  it("is Apollo Server's landing page", async () => {
    const plugin = explorerLandingPage('/graphql', assets);
    const listener = await plugin.serverWillStart!({} as never);
    await expect(listener!.renderLandingPage!()).resolves.toEqual({ html });
  });
});
