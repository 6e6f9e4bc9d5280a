import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import type { ApiLimits } from '#config';
import { OperationLimits } from './operation-limits.js';

const schema = buildSchema(`
  type Query { project(id: ID!): Project, projects(first: Int): ProjectConnection! }
  type Project { id: ID! name: String! partner: Partner }
  type Partner { id: ID! organisation: Organisation }
  type Organisation { id: ID! name: String! }
  type ProjectConnection { edges: [ProjectEdge!]! totalCount: Int! }
  type ProjectEdge { node: Project! }
`);

const LIMITS: ApiLimits = {
  maxDepth: 3,
  maxComplexity: 100,
  maxAliases: 2,
  bodyLimitBytes: 1024,
  operationTimeoutMs: 1000,
  ratePerMinute: 10,
  introspection: false,
  landingPage: false,
};

function refusals(query: string, limits: Partial<ApiLimits> = {}) {
  return new OperationLimits({ ...LIMITS, ...limits })
    .refusals({ schema, document: parse(query) })
    .map((error) => ({ message: error.message, ...error.extensions }));
}

describe('operation limits', () => {
  it('passes a query at the depth limit and refuses one level more, saying both numbers', () => {
    expect(refusals('{ project(id: "p") { partner { id } } }')).toEqual([]);
    expect(refusals('{ project(id: "p") { partner { organisation { id } } } }')).toEqual([
      {
        message: 'Query depth 4 exceeds the limit of 3',
        code: 'QUERY_TOO_DEEP',
        limit: 3,
        measured: 4,
        http: { status: 400 },
      },
    ]);
  });

  it('counts fields, not fragments, towards the depth', () => {
    const query = `{ project(id: "p") { ...P } } fragment P on Project { partner { ... on Partner { id } } }`;
    expect(refusals(query)).toEqual([]);
    expect(refusals(query, { maxDepth: 2 })).toMatchObject([{ code: 'QUERY_TOO_DEEP', limit: 2, measured: 3 }]);
  });

  it('passes aliases up to the limit, counting those in fragments, and leaves __typename free', () => {
    expect(refusals('{ a: project(id: "a") { id } b: project(id: "b") { t: __typename } }')).toEqual([]);
    expect(
      refusals('{ a: project(id: "a") { id } b: project(id: "b") { ...P } } fragment P on Project { n: name }'),
    ).toEqual([
      {
        message: 'The query uses 3 aliases; the limit is 2',
        code: 'TOO_MANY_ALIASES',
        limit: 2,
        measured: 3,
        http: { status: 400 },
      },
    ]);
  });

  it('refuses __schema and __type when introspection is off, and allows them when on', () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Project") { name } }'])
      expect(refusals(query)).toMatchObject([{ code: 'INTROSPECTION_DISABLED' }]);
    expect(refusals('{ __schema { queryType { name } } }', { introspection: true })).toEqual([]);
    expect(refusals('{ __typename }')).toEqual([]);
  });

  it('does not count the depth of __schema, so introspection tools work when it is on', () => {
    const deep = '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }';
    expect(refusals(deep, { introspection: true })).toEqual([]);
  });

  it('refuses an operation over the complexity limit', () => {
    // 1 + 20 × (edges 1 + node 1 + id 1)
    expect(refusals('{ projects { edges { node { id } } } }', { maxDepth: 4 })).toEqual([]);
    expect(refusals('{ projects(first: 40) { edges { node { id } } } }', { maxDepth: 4 })).toMatchObject([
      { code: 'QUERY_TOO_COMPLEX', limit: 100, measured: 121 },
    ]);
  });

  it('keeps a pass for the same document and variables only: other variables, or a refusal, are measured again', () => {
    const limits = new OperationLimits({ ...LIMITS, maxDepth: 4 });
    const document = parse('query Page($n: Int) { projects(first: $n) { edges { node { id } } } }');
    const check = (n: number) =>
      limits
        .refusals({ schema, document, variables: { n }, operationName: 'Page' })
        .map((error) => error.extensions['code']);
    expect(check(5)).toEqual([]);
    expect(check(40)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(check(5)).toEqual([]);
    expect(check(40)).toEqual(['QUERY_TOO_COMPLEX']);
    const tooDeep = parse('{ project(id: "p") { partner { organisation { id } } } }');
    const strict = new OperationLimits(LIMITS);
    const depth = () => strict.refusals({ schema, document: tooDeep }).map((error) => error.extensions['code']);
    expect(depth()).toEqual(['QUERY_TOO_DEEP']);
    expect(depth()).toEqual(['QUERY_TOO_DEEP']);
  });

  it('measures variables nested too deep to be kept as a key, without failing', () => {
    const limits = new OperationLimits({ ...LIMITS, maxDepth: 4 });
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const document = parse('query Page($n: Int) { projects(first: $n) { edges { node { id } } } }');
    expect(() => limits.refusals({ schema, document, variables: { n: deep }, operationName: 'Page' })).not.toThrow();
  });
});
