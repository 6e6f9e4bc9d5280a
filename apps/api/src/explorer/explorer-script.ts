/*
 * The explorer page's own script and style, served from EXPLORER_ASSETS_PATH beside React and
 * GraphiQL (no inline script: the page works under a strict Content-Security-Policy). The script
 * is plain browser JavaScript (ES2017, no modules, no build step); it reads its settings from the
 * page's `#explorer-config` JSON block. The unit test compiles it; the browser test runs it.
 */

/**
 * Mounts GraphiQL on `#graphiql` with a fetcher for the GraphQL path over HTTP and graphql-ws
 * (the header editor's headers are the socket's connection parameters, as the API expects). While
 * the authorization header still holds the placeholder, nothing is sent: the answer says how to
 * get a token. When the authorization header changes, the schema is read again with it (GraphiQL
 * introspects whenever its fetcher changes), so documentation and completion follow the token.
 */
export const EXPLORER_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('explorer-config').textContent);
  var endpoint = new URL(config.path, window.location.href);
  var socket = new URL(endpoint.href);
  socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

  function parsedHeaders(text) {
    try {
      var value = JSON.parse(text && text.trim() ? text : '{}');
      return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    } catch (error) {
      return undefined;
    }
  }

  function authorizationOf(headers) {
    if (!headers) return undefined;
    for (var key in headers) {
      if (key.toLowerCase() === 'authorization') return String(headers[key]);
    }
    return undefined;
  }

  function createFetcher() {
    var fetcher = GraphiQL.createFetcher({ url: endpoint.href, subscriptionUrl: socket.href });
    return function (params, options) {
      var authorization = authorizationOf(options && options.headers);
      if (authorization !== undefined && authorization.indexOf(config.tokenPlaceholder) !== -1) {
        return Promise.resolve({ errors: [{ message: config.tokenHelp }] });
      }
      return fetcher(params, options);
    };
  }

  var h = React.createElement;

  function Explorer() {
    var fetcherState = React.useState(createFetcher);
    var introspectedWith = React.useRef(authorizationOf(parsedHeaders(config.headers)));
    var timer = React.useRef(undefined);
    var setFetcher = fetcherState[1];
    var onEditHeaders = React.useCallback(function (text) {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(function () {
        var headers = parsedHeaders(text);
        if (!headers) return;
        var authorization = authorizationOf(headers);
        if (authorization === introspectedWith.current) return;
        introspectedWith.current = authorization;
        setFetcher(function () {
          return createFetcher();
        });
      }, 300);
    }, [setFetcher]);
    return h(
      GraphiQL,
      {
        fetcher: fetcherState[0],
        defaultQuery: config.query,
        defaultHeaders: config.headers,
        defaultEditorToolsVisibility: 'headers',
        isHeadersEditorEnabled: true,
        shouldPersistHeaders: false,
        onEditHeaders: onEditHeaders,
      },
      h(GraphiQL.Logo, null, config.title),
    );
  }

  ReactDOM.createRoot(document.getElementById('graphiql')).render(h(Explorer));
})();
`;

/** The page around GraphiQL: the token note on top, GraphiQL filling the rest of the window. */
export const EXPLORER_STYLE = `html,
body {
  height: 100%;
  margin: 0;
}
body {
  display: flex;
  flex-direction: column;
  overflow: hidden;
}
.explorer-note {
  flex: none;
  padding: 8px 16px;
  font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f2937;
  background: #fff7e0;
  border-bottom: 1px solid #e8d7a6;
}
.explorer-note p {
  margin: 0;
}
.explorer-note code {
  font: 13px ui-monospace, 'Fira Code', monospace;
  padding: 1px 4px;
  border-radius: 3px;
  background: rgba(0, 0, 0, 0.07);
  user-select: all;
}
#graphiql {
  flex: 1;
  min-height: 0;
}
@media (prefers-color-scheme: dark) {
  .explorer-note {
    color: #e5e7eb;
    background: #2a2416;
    border-color: #4a3f22;
  }
  .explorer-note code {
    background: rgba(255, 255, 255, 0.1);
  }
}
`;
