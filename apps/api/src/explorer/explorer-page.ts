import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { assetUrl, explorerAssets, type ExplorerAsset } from './explorer-assets.js';

/** The development token command the page tells users to run (the token is alone on the last line). */
export const TOKEN_COMMAND = 'npm run -s token -- --role admin | tail -n 1';

/** What stands for the token in the header editor until the user pastes one. */
export const TOKEN_PLACEHOLDER = '<token>';

/** The header editor's first contents. */
export const DEFAULT_HEADERS = `{\n  "authorization": "Bearer ${TOKEN_PLACEHOLDER}"\n}`;

/** The query the page opens with: open to every role, and it shows the connection shape. */
export const EXAMPLE_QUERY = `# Projects you may read, five at a time.
# Set your token in Headers below first,
# then press ▶ or Ctrl-Enter.
# Live updates (as an admin) over graphql-ws:
#   subscription { projectionStatus { name } }
query Projects {
  projects(first: 5) {
    totalCount
    edges {
      node {
        id
        name
        phase
      }
    }
  }
}
`;

/**
 * No script, style, font or connection from anywhere but this server; `'self'` covers the
 * graphql-ws socket to the same host and port. Inline styles are GraphiQL's own (React sets them).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON inside a `<script>` element: `<` escaped, so no value can end the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The explorer page served at GET `graphqlPath` to browsers: GraphiQL, with React, its styles and
 * its start-up script all loaded from EXPLORER_ASSETS_PATH (explorer-assets.ts) on this server, so it works without
 * internet access; a note above it says how to get a token and where to put it.
 */
export function explorerHtml(assets: ReadonlyMap<string, ExplorerAsset>, graphqlPath: string): string {
  const url = (name: string) => escapeHtml(assetUrl(assets, name));
  const config = {
    path: graphqlPath,
    title: 'Co-production platform',
    query: EXAMPLE_QUERY,
    headers: DEFAULT_HEADERS,
    tokenPlaceholder: TOKEN_PLACEHOLDER,
    tokenHelp: `No token yet: run \`${TOKEN_COMMAND}\` and paste the token in the Headers tab in place of ${TOKEN_PLACEHOLDER}.`,
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}" />
    <title>GraphQL explorer · Co-production platform</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${url('graphiql.min.css')}" />
    <link rel="stylesheet" href="${url('explorer.css')}" />
  </head>
  <body>
    <header class="explorer-note" id="explorer-note">
      <p>
        <strong>GraphQL explorer.</strong> Every request needs a bearer token: run
        <code>${escapeHtml(TOKEN_COMMAND)}</code> in the platform's folder and paste the token in the
        <strong>Headers</strong> tab below, in place of <code>${escapeHtml(TOKEN_PLACEHOLDER)}</code>:
        <code>${escapeHtml(`{"authorization": "Bearer ${TOKEN_PLACEHOLDER}"}`)}</code>. Other roles:
        <code>npm run token -- --help</code>. The token is not saved: it stays in this tab.
      </p>
    </header>
    <main id="graphiql">Loading the GraphQL explorer…</main>
    <script type="application/json" id="explorer-config">${scriptJson(config)}</script>
    <script src="${url('react.production.min.js')}"></script>
    <script src="${url('react-dom.production.min.js')}"></script>
    <script src="${url('graphiql.min.js')}"></script>
    <script src="${url('explorer.js')}"></script>
  </body>
</html>
`;
}

/**
 * The landing page Apollo Server answers a browser's GET of the GraphQL path with: the explorer
 * above instead of the driver's GraphiQL page, which loads everything from a CDN.
 */
export function explorerLandingPage(
  graphqlPath: string,
  assets: ReadonlyMap<string, ExplorerAsset> = explorerAssets(),
): ApolloServerPlugin<BaseContext> {
  const html = explorerHtml(assets, graphqlPath);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
