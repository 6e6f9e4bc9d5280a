import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startApi, type RunningApi } from './support/api-process.js';
import { suiteApi } from './support/suite-api.js';
import { ADMIN, as } from './support/auth.js';
import { DEV_ACTOR, launchProject } from './support/project.js';

/*
 * The API limits over HTTP and graphql-ws against the built server, with small limits set through
 * the environment: each refusal answers its stable code with the limit and what was measured, and
 * an operation just under each limit passes.
 */

interface GraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
  json(): { data?: Record<string, unknown> | null; errors?: GraphQLError[] };
}

async function post(api: RunningApi, body: string, headers: Record<string, string> = ADMIN): Promise<HttpAnswer> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text),
  };
}

const ask = (api: RunningApi, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
  post(api, JSON.stringify({ query, variables }), headers);

/** The landing page, as a browser asks for it. */
async function landingPage(api: RunningApi): Promise<{ status: number; contentType: string }> {
  const response = await fetch(api.url, { headers: { accept: 'text/html' } });
  await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '' };
}

/** Starts one operation over graphql-ws and resolves with its first result or its errors. */
async function overSocket(
  api: RunningApi,
  headers: Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: unknown; errors?: GraphQLError[] }> {
  const client = createClient({
    url: api.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: headers.authorization },
  });
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer over graphql-ws in 15 s')), 15_000);
      const settle = (answer: { data?: unknown; errors?: GraphQLError[] }) => {
        clearTimeout(timer);
        resolve(answer);
      };
      const unsubscribe = client.subscribe(
        { query, variables },
        {
          next: (result) => {
            unsubscribe();
            settle({ data: result.data, errors: result.errors as GraphQLError[] | undefined });
          },
          error: (error) => {
            if (Array.isArray(error)) settle({ errors: error as GraphQLError[] });
            else reject(new Error(`graphql-ws failed: ${String((error as { reason?: string }).reason ?? error)}`));
          },
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const only = (answer: { errors?: GraphQLError[] }) => {
  expect(answer.errors).toHaveLength(1);
  return answer.errors![0]!;
};

/**
 * The APIs of this file (one per configuration, each on its own data directory) boot together
 * in the first beforeAll rather than one after another; each describe block then takes its own.
 */
const boots: Array<() => Promise<RunningApi>> = [];
function bootTogether(env: Record<string, string>): () => Promise<RunningApi> {
  let started: Promise<RunningApi> | undefined;
  const start = () => (started ??= startApi(env));
  boots.push(start);
  return start;
}
beforeAll(async () => {
  // A failed boot fails the tests of its own block, in its beforeAll.
  await Promise.allSettled(boots.map((start) => start()));
}, 120_000);
afterAll(async () => {
  // Those of blocks that did not run (filtered out) are stopped here too.
  for (const start of boots) await (await start().catch(() => null))?.stop();
});

describe('query limits (development, small limits)', () => {
  const projectId = randomUUID();
  const api = suiteApi('limits-e2e', {
    env: {
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_COMPLEXITY: '200',
      REQUEST_BODY_LIMIT_BYTES: '4096',
      OPERATION_TIMEOUT_MS: '2000',
    },
    boot: bootTogether,
    setUp: (api) => launchProject(api, projectId),
    timeout: 120_000,
  });

  it('passes a query at the depth limit and refuses a deeper one with QUERY_TOO_DEEP', async () => {
    const atLimit = await ask(api, '{ projects { pageInfo { hasNextPage } } }');
    expect(atLimit.json()).toEqual({ data: { projects: { pageInfo: { hasNextPage: false } } } });

    const deeper = await ask(api, '{ projects { edges { node { id } } } }');
    expect(deeper.status).toBe(400);
    const error = only(deeper.json());
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 3, measured: 4 });
    expect(error.message).toBe('Query depth 4 exceeds the limit of 3');
  });

  it('passes aliases up to the limit and refuses more with TOO_MANY_ALIASES', async () => {
    const aliased = (count: number) =>
      `{ ${Array.from({ length: count }, (_, i) => `a${i}: eventStore { kind }`).join(' ')} }`;
    const atLimit = await ask(api, aliased(3));
    expect(atLimit.json().errors).toBeUndefined();
    expect(Object.keys(atLimit.json().data!)).toHaveLength(3);

    const more = await ask(api, aliased(4));
    expect(more.status).toBe(400);
    const error = only(more.json());
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 3, measured: 4 });
    expect(error.message).toBe('The query uses 4 aliases; the limit is 3');
  });

  it('measures complexity per item of `first` (from variables too) and refuses above the limit with QUERY_TOO_COMPLEX', async () => {
    const query = 'query ($first: Int) { projects(first: $first) { edges { cursor } } }';
    // 1 + first × (edges 1 + cursor 1)
    const under = await ask(api, query, { first: 99 });
    expect(under.json()).toEqual({ data: { projects: { edges: [{ cursor: expect.any(String) }] } } });

    const over = await ask(api, query, { first: 100 });
    expect(over.status).toBe(400);
    const error = only(over.json());
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 200, measured: 201 });
    expect(error.message).toContain('Query complexity 201 exceeds the limit of 200');

    // Without `first`, the default page size (20) counts: 1 + 20 × 2.
    expect((await ask(api, '{ projects { edges { cursor } } }')).json().errors).toBeUndefined();
  });

  it('refuses a page larger than 100 with BAD_USER_INPUT', async () => {
    expect((await ask(api, '{ projects(first: 100) { totalCount } }')).json()).toEqual({
      data: { projects: { totalCount: 1 } },
    });
    const error = only((await ask(api, '{ projects(first: 101) { totalCount } }')).json());
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE' });
    expect(error.message).toBe('first must be at most 100 (got 101)');
  });

  it('parses a body up to the limit and refuses a larger one with HTTP 413 and PAYLOAD_TOO_LARGE as JSON', async () => {
    const bodyOf = (bytes: number) => {
      const empty = JSON.stringify({ query: '{ __typename } #' });
      return JSON.stringify({ query: `{ __typename } #${'x'.repeat(bytes - empty.length)}` });
    };
    expect(bodyOf(4096)).toHaveLength(4096);
    const atLimit = await post(api, bodyOf(4096));
    expect(atLimit.status).toBe(200);
    expect(atLimit.json()).toEqual({ data: { __typename: 'Query' } });

    const over = await post(api, bodyOf(4097));
    expect(over.status).toBe(413);
    expect(over.contentType).toContain('application/json');
    expect(over.json()).toEqual({
      errors: [
        {
          message: 'The request body of 4097 bytes exceeds the limit of 4096 bytes',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 4096, measured: 4097 },
        },
      ],
    });
  });

  it('answers OPERATION_TIMEOUT when an operation runs longer than the limit', async () => {
    // A read-your-writes wait for a position far in the future waits up to 5 s, longer than the 2 s limit.
    const started = Date.now();
    const answer = await ask(api, '{ projects(atLeastPosition: "999999999-0") { totalCount } }');
    const elapsed = Date.now() - started;
    const error = only(answer.json());
    expect(error.extensions).toMatchObject({ code: 'OPERATION_TIMEOUT', limit: 2000 });
    expect(error.extensions!.measured as number).toBeGreaterThanOrEqual(2000);
    expect(error.message).toContain('limit of 2000 ms');
    expect(answer.json().data).toBeNull();
    expect(elapsed).toBeLessThan(4500);
  });

  it('applies the same limits to operations over graphql-ws', async () => {
    const atLimit = await overSocket(
      api,
      DEV_ACTOR,
      'subscription ($projectId: ID!) { signalsUpdated(projectId: $projectId) { trust { value } } }',
      { projectId },
    );
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data).toHaveProperty('signalsUpdated.trust.value');

    const deeper = await overSocket(
      api,
      DEV_ACTOR,
      'subscription ($projectId: ID!) { signalsUpdated(projectId: $projectId) { trust { breakdown { key } } } }',
      { projectId },
    );
    const error = only(deeper);
    expect(error.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 3, measured: 4 });
    expect(error.message).toBe('Query depth 4 exceeds the limit of 3');

    const complex = await overSocket(api, ADMIN, 'query ($n: Int) { projects(first: $n) { edges { cursor } } }', {
      n: 100,
    });
    expect(only(complex).extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 200, measured: 201 });

    // Text the database cannot hold is refused over the socket as over HTTP, before any lookup.
    const unstorable = await overSocket(
      api,
      DEV_ACTOR,
      'subscription ($projectId: ID!) { signalsUpdated(projectId: $projectId) { trust { value } } }',
      { projectId: 'p\u0000' },
    );
    expect(only(unstorable).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT' });
  });

  it('serves the landing page in development', async () => {
    expect(await landingPage(api)).toMatchObject({ status: 200, contentType: expect.stringContaining('text/html') });
  });
});

describe('production defaults', () => {
  const api = suiteApi('limits-prod-e2e', {
    env: { NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '5' },
    boot: bootTogether,
    timeout: 120_000,
  });

  it('refuses __schema and __type with INTROSPECTION_DISABLED, over HTTP and graphql-ws', async () => {
    const caller = as('analyst-introspection;analyst;org-university');
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Query") { name } }']) {
      const answer = await ask(api, query, undefined, caller);
      expect(answer.status).toBe(400);
      const error = only(answer.json());
      expect(error.extensions).toEqual({ code: 'INTROSPECTION_DISABLED' });
      expect(error.message).toContain('Introspection (__schema, __type) is disabled');
    }
    expect((await ask(api, '{ __typename }', undefined, caller)).json()).toEqual({ data: { __typename: 'Query' } });

    const overSocketAnswer = await overSocket(api, caller, '{ __schema { queryType { name } } }');
    expect(only(overSocketAnswer).extensions).toEqual({ code: 'INTROSPECTION_DISABLED' });
  });

  it('does not suggest field names when introspection is off', async () => {
    const error = only(
      (await ask(api, '{ projectz { totalCount } }', undefined, as('analyst-typo;analyst;org-university'))).json(),
    );
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(error.message).not.toContain('Did you mean');
  });

  it('serves no landing page', async () => {
    const page = await landingPage(api);
    expect(page.contentType).not.toContain('text/html');
  });

  it('limits requests per token with RATE_LIMITED', async () => {
    const caller = as('analyst-rate;analyst;org-university');
    for (let i = 0; i < 5; i += 1)
      expect((await ask(api, '{ __typename }', undefined, caller)).json()).toEqual({ data: { __typename: 'Query' } });
    const refused = await ask(api, '{ __typename }', undefined, caller);
    expect(refused.status).toBe(429);
    expect(only(refused.json()).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // Another token is counted apart.
    expect(
      (await ask(api, '{ __typename }', undefined, as('analyst-other;analyst;org-university'))).json().errors,
    ).toBeUndefined();
  });
});

describe('production with introspection and the landing page configured on', () => {
  const api = suiteApi('limits-prod-on-e2e', {
    env: { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_LANDING_PAGE: 'true' },
    boot: bootTogether,
    timeout: 120_000,
  });

  it('answers introspection', async () => {
    expect((await ask(api, '{ __schema { queryType { name } } }')).json()).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
  });

  it('serves the landing page', async () => {
    expect(await landingPage(api)).toMatchObject({ status: 200, contentType: expect.stringContaining('text/html') });
  });
});
