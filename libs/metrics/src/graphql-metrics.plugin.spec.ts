import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Registry } from 'prom-client';
import { graphqlMetricsPlugin } from './graphql-metrics.plugin.js';
import { PlatformMetrics } from './platform-metrics.js';
import { samples, valueOf } from './testing/metric-values.js';

const OPERATIONS = 'coproduction_graphql_operations_total';
const DURATION = 'coproduction_graphql_operation_duration_seconds';

const typeDefs = `
  type Query { hello: String!, refused: String, broken: String }
  type Mutation { touch: Boolean! }
`;
const resolvers = {
  Query: {
    hello: () => 'world',
    refused: () => {
      throw new GraphQLError('No', { extensions: { code: 'FORBIDDEN' } });
    },
    broken: () => {
      throw new Error('SQL says no');
    },
  },
  Mutation: { touch: () => true },
};

function serverWith(metrics: PlatformMetrics) {
  return new ApolloServer({
    typeDefs,
    resolvers,
    plugins: [graphqlMetricsPlugin(metrics.graphql)],
  });
}

describe('graphqlMetricsPlugin', () => {
  let registry: Registry;
  let metrics: PlatformMetrics;

  beforeEach(() => {
    registry = new Registry();
    metrics = new PlatformMetrics(registry, { defaultMetrics: false, operationNameLimit: 3 });
  });

  it('counts an ok and an error operation by name, type and outcome, and times both', async () => {
    const server = serverWith(metrics);
    await server.executeOperation({ query: 'query Hello { hello }' });
    await server.executeOperation({ query: 'query Hello { hello }' });
    await server.executeOperation({ query: 'query Refused { refused }' });
    await server.executeOperation({ query: 'mutation Touch { touch }' });

    expect(await valueOf(registry, OPERATIONS, { operation: 'Hello', type: 'query', outcome: 'ok' })).toBe(2);
    expect(await valueOf(registry, OPERATIONS, { operation: 'Refused', type: 'query', outcome: 'FORBIDDEN' })).toBe(1);
    expect(await valueOf(registry, OPERATIONS, { operation: 'Touch', type: 'mutation', outcome: 'ok' })).toBe(1);
    const count = (labels: Record<string, string>) => valueOf(registry, DURATION, labels, `${DURATION}_count`);
    expect(await count({ operation: 'Hello', type: 'query', result: 'ok' })).toBe(2);
    expect(await count({ operation: 'Refused', type: 'query', result: 'error' })).toBe(1);
    // Every operation falls in the +Inf bucket.
    const buckets = (await samples(registry, DURATION)).filter(
      (s) => s.metricName === `${DURATION}_bucket` && s.labels.operation === 'Hello',
    );
    expect(buckets.find((s) => s.labels.le === '+Inf')?.value).toBe(2);
    const sum = await valueOf(
      registry,
      DURATION,
      { operation: 'Hello', type: 'query', result: 'ok' },
      `${DURATION}_sum`,
    );
    expect(sum).toBeGreaterThan(0);
    await server.stop();
  });

  it('labels an operation without a name as anonymous, and a thrown Error by the code sent (INTERNAL_SERVER_ERROR)', async () => {
    const server = serverWith(metrics);
    await server.executeOperation({ query: '{ hello }' });
    await server.executeOperation({ query: '{ broken }' });
    expect(await valueOf(registry, OPERATIONS, { operation: 'anonymous', type: 'query', outcome: 'ok' })).toBe(1);
    const internal = await valueOf(registry, OPERATIONS, {
      operation: 'anonymous',
      type: 'query',
      outcome: 'INTERNAL_SERVER_ERROR',
    });
    expect(internal).toBe(1);
    await server.stop();
  });

  it('takes the code the client receives, after formatError mapped it', async () => {
    const server = new ApolloServer({
      typeDefs,
      resolvers,
      plugins: [graphqlMetricsPlugin(metrics.graphql)],
      formatError: (formatted) => ({ ...formatted, extensions: { code: 'NOT_FOUND' } }),
    });
    await server.executeOperation({ query: 'query Broken { broken }' });
    expect(await valueOf(registry, OPERATIONS, { operation: 'Broken', type: 'query', outcome: 'NOT_FOUND' })).toBe(1);
    await server.stop();
  });

  it('names an operation refused before it ran from its document, and counts what did not parse as unknown', async () => {
    const server = serverWith(metrics);
    await server.executeOperation({ query: 'query Typo { helo }' });
    await server.executeOperation({ query: 'query Broken {' });
    const invalid = await valueOf(registry, OPERATIONS, {
      operation: 'Typo',
      type: 'query',
      outcome: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(invalid).toBe(1);
    const unparsed = await valueOf(registry, OPERATIONS, {
      operation: 'anonymous',
      type: 'unknown',
      outcome: 'GRAPHQL_PARSE_FAILED',
    });
    expect(unparsed).toBe(1);
    await server.stop();
  });

  it('counts a request refused at authentication, before its operation is read, as unknown', async () => {
    const server = serverWith(metrics);
    await server.start();
    const post = (body: unknown) =>
      server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: new HeaderMap([['content-type', 'application/json']]),
          search: '',
          body,
        },
        context: async () => {
          throw new GraphQLError('Send a bearer token', { extensions: { code: 'UNAUTHENTICATED' } });
        },
      });
    await post({ query: 'query Hello { hello }' });
    await post({ query: 'query Hello { hello }' });
    expect(
      await valueOf(registry, OPERATIONS, { operation: 'unknown', type: 'unknown', outcome: 'UNAUTHENTICATED' }),
    ).toBe(2);
    expect(await samples(registry, DURATION)).toEqual([]);
    await server.stop();
  });

  it('counts operation names past the limit as other', async () => {
    const server = serverWith(metrics);
    for (const name of ['A', 'B', 'C', 'D', 'E', 'A'])
      await server.executeOperation({ query: `query ${name} { hello }` });
    const names = (await samples(registry, OPERATIONS)).map((s) => s.labels.operation).sort();
    expect(names).toEqual(['A', 'B', 'C', 'other']);
    expect(await valueOf(registry, OPERATIONS, { operation: 'other', type: 'query', outcome: 'ok' })).toBe(2);
    expect(await valueOf(registry, OPERATIONS, { operation: 'A', type: 'query', outcome: 'ok' })).toBe(2);
    // Anonymous operations never use up the limit.
    await server.executeOperation({ query: '{ hello }' });
    expect(await valueOf(registry, OPERATIONS, { operation: 'anonymous', type: 'query', outcome: 'ok' })).toBe(1);
    await server.stop();
  });
});
