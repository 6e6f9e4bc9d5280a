import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../read-side/pagination.js';
import { complexityRefusal, isConnectionField, queryComplexity } from './complexity.js';

const schema = buildSchema(`
  type Query {
    project(id: ID!): Project
    projects(first: Int, after: String): ProjectConnection!
    tags: [String!]!
  }
  type Project {
    id: ID!
    name: String!
    activities(first: Int, after: String): ActivityConnection!
  }
  type ProjectConnection { edges: [ProjectEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type ProjectEdge { cursor: String! node: Project! }
  type Activity { id: ID! title: String! }
  type ActivityConnection { edges: [ActivityEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type ActivityEdge { cursor: String! node: Activity! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
`);

function complexityOf(query: string, variables: Record<string, unknown> = {}): number {
  return queryComplexity({ schema, document: parse(query), variables }, 10_000);
}

describe('connection-aware complexity', () => {
  it('recognises connections by their type and `first` argument', () => {
    const query = schema.getQueryType()!.getFields();
    expect(isConnectionField(query.projects!)).toBe(true);
    expect(isConnectionField(query.project!)).toBe(false);
    expect(isConnectionField(query.tags!)).toBe(false);
  });

  it('costs each field 1 plus its selection', () => {
    // project(1) + id(1) + name(1)
    expect(complexityOf('{ project(id: "p") { id name } a: project(id: "q") { id name } tags }')).toBe(3 + 3 + 1);
  });

  it('multiplies a connection by `first`', () => {
    // edges(1) + node(1) + id(1) = 3 per item
    expect(complexityOf('{ projects(first: 7) { edges { node { id } } } }')).toBe(1 + 7 * 3);
  });

  it('uses the default page size when `first` is absent, and reads `first` from variables', () => {
    expect(complexityOf('{ projects { totalCount } }')).toBe(1 + DEFAULT_PAGE_SIZE);
    expect(complexityOf('query ($n: Int) { projects(first: $n) { totalCount } }', { n: 42 })).toBe(1 + 42);
    expect(complexityOf('query ($n: Int) { projects(first: $n) { totalCount } }')).toBe(1 + DEFAULT_PAGE_SIZE);
  });

  it('multiplies nested connections', () => {
    // inner: 1 + 5 * (edges 1 + node 1 + title 1) = 16; node: 1 + 16; edges: 1 + 17; outer: 1 + 4 * 18
    expect(
      complexityOf('{ projects(first: 4) { edges { node { activities(first: 5) { edges { node { title } } } } } } }'),
    ).toBe(1 + 4 * 18);
  });

  it('counts `first` above the cap as the cap, so the resolver answers the more precise BAD_USER_INPUT', () => {
    expect(complexityOf('{ projects(first: 1000000) { totalCount } }')).toBe(1 + MAX_PAGE_SIZE);
    expect(complexityOf('{ projects(first: -5) { totalCount } }')).toBe(1);
  });

  it('passes at the limit and refuses above it with the limit and the measured value', () => {
    const at = parse('{ projects(first: 9) { totalCount } }'); // 10
    const above = parse('{ projects(first: 10) { totalCount } }'); // 11
    expect(complexityRefusal({ schema, document: at }, 10)).toBeNull();
    const refusal = complexityRefusal({ schema, document: above }, 10)!;
    expect(refusal.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 10, measured: 11 });
    expect(refusal.message).toContain('11');
    expect(refusal.message).toContain('10');
  });

  it('counts only the operation asked for', () => {
    const document = parse('query Small { tags } query Big { projects(first: 100) { totalCount } }');
    expect(complexityRefusal({ schema, document, operationName: 'Small' }, 10)).toBeNull();
    expect(complexityRefusal({ schema, document, operationName: 'Big' }, 10)).not.toBeNull();
  });

  it('stops measuring a document with more selections than the limit allows', () => {
    // A fragment spread many times: each expansion is measured, so the guard bounds the work.
    const spreads = Array.from({ length: 20 }, () => '...P').join(' ');
    const query = `{ project(id: "p") { ${spreads} } } fragment P on Project { id }`;
    const refusal = complexityRefusal({ schema, document: parse(query) }, 10)!;
    expect(refusal.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 10 });
  });

  it('leaves invalid variables to execution, which reports them', () => {
    const document = parse('query ($n: Int!) { projects(first: $n) { totalCount } }');
    expect(complexityRefusal({ schema, document, variables: { n: 'many' } }, 10)).toBeNull();
  });
});
