import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EXPLORER_SCRIPT, EXPLORER_STYLE } from './explorer-script.js';

/** Where the explorer page loads its scripts and styles from: this server, never a CDN. */
export const EXPLORER_ASSETS_PATH = '/graphql-explorer';

/** One file the explorer page needs, as the server sends it. */
export interface ExplorerAsset {
  readonly contentType: string;
  /** Changes whenever the content does; the page asks for `?v=<version>`, so it may be cached for long. */
  readonly version: string;
  /** The file in node_modules, or undefined for what this module holds itself. */
  readonly file?: string;
  /** The content, for what this module holds itself (files are read when first asked for). */
  readonly content?: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const MAP = 'application/json; charset=utf-8';

/** What the page loads from packages (React 18's UMD builds and GraphiQL's CDN bundle), by file name. */
const FROM_PACKAGES: Record<string, { readonly package: string; readonly path: string; readonly contentType: string }> =
  {
    'react.production.min.js': { package: 'react', path: 'umd/react.production.min.js', contentType: JS },
    'react-dom.production.min.js': { package: 'react-dom', path: 'umd/react-dom.production.min.js', contentType: JS },
    'graphiql.min.js': { package: 'graphiql', path: 'graphiql.min.js', contentType: JS },
    'graphiql.min.css': { package: 'graphiql', path: 'graphiql.min.css', contentType: CSS },
    // Only the browser's developer tools ask for these.
    'graphiql.min.js.map': { package: 'graphiql', path: 'graphiql.min.js.map', contentType: MAP },
    'graphiql.min.css.map': { package: 'graphiql', path: 'graphiql.min.css.map', contentType: MAP },
  };

const contentVersion = (content: string) => createHash('sha256').update(content).digest('hex').slice(0, 12);

/**
 * Every file the explorer serves, by the name it is asked for under EXPLORER_ASSETS_PATH; nothing
 * else is served there. Package files are found with Node's resolution from this module (through
 * each package's package.json: React's `exports` do not list its UMD builds), so a missing package
 * stops the boot with its name rather than breaking the page later.
 */
export function explorerAssets(): ReadonlyMap<string, ExplorerAsset> {
  return (found ??= findAssets());
}

let found: ReadonlyMap<string, ExplorerAsset> | undefined;

function findAssets(): ReadonlyMap<string, ExplorerAsset> {
  const require = createRequire(import.meta.url);
  const assets = new Map<string, ExplorerAsset>();
  for (const [name, source] of Object.entries(FROM_PACKAGES)) {
    let manifest: string;
    try {
      manifest = require.resolve(`${source.package}/package.json`);
    } catch {
      throw new Error(`The GraphQL explorer needs the ${source.package} package (npm ci installs it)`);
    }
    const file = join(dirname(manifest), source.path);
    if (!existsSync(file)) throw new Error(`The GraphQL explorer needs ${file} (${source.package} ${name})`);
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    assets.set(name, { contentType: source.contentType, version, file });
  }
  assets.set('explorer.js', { contentType: JS, version: contentVersion(EXPLORER_SCRIPT), content: EXPLORER_SCRIPT });
  assets.set('explorer.css', { contentType: CSS, version: contentVersion(EXPLORER_STYLE), content: EXPLORER_STYLE });
  return assets;
}

/** The address the page uses for an asset: same origin, versioned. */
export function assetUrl(assets: ReadonlyMap<string, ExplorerAsset>, name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`No explorer asset ${name}`);
  return `${EXPLORER_ASSETS_PATH}/${name}?v=${encodeURIComponent(asset.version)}`;
}
