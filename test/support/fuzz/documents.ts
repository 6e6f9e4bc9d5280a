import fc from 'fast-check';
import { nested } from './values.js';
import type { RootField } from './operations.js';

/**
 * Malformed requests that are not one root field with bad arguments: syntax errors, unknown
 * fields, wrong variable declarations, huge and deeply nested documents, odd request bodies.
 */
export interface RawCase {
  readonly label: string;
  /** A request body: an object sent as JSON, or raw text sent as is. */
  readonly body: unknown;
  readonly raw?: boolean;
  readonly contentType?: string;
  /**
   * Refused before GraphQL sees it (not JSON, too large): HTTP may answer with its own JSON error
   * rather than a GraphQL one; it must still be a 4xx, never a 5xx.
   */
  readonly transport?: boolean;
  /** Sent as this caller (a name the spec knows) rather than a random one. */
  readonly caller?: string;
}

const q = (query: string, variables?: unknown, operationName?: string) => ({
  query,
  ...(variables === undefined ? {} : { variables }),
  ...(operationName === undefined ? {} : { operationName }),
});

function nestedSelection(field: string, depth: number): string {
  return `${Array.from({ length: depth }, () => `${field} {`).join(' ')} name ${'}'.repeat(depth)}`;
}

/**
 * A valid command but for one value, sent as a caller who may run it: input that passes the types
 * and reaches the store unless something refuses it (found by the fuzz: internal errors, and
 * events that stopped every projection reading the date).
 */
function almostValidCommands(projectId: string): RawCase[] {
  const schedule = (scheduledFor: string, topic = 'Moving a bedridden person safely') =>
    q('mutation ($input: ScheduleActivityInput!) { scheduleActivity(input: $input) { id eventIds } }', {
      input: {
        projectId,
        kind: 'training_course',
        topic,
        scheduledFor,
        place: 'Town hall',
        organisingOrganisationId: 'org-home-care',
      },
    });
  return [
    { label: 'command with a DateTime of year -1', body: schedule('-000001-01-01T00:00:00Z'), caller: 'provider' },
    { label: 'command with a DateTime of year 0', body: schedule('0000-06-01T00:00:00Z'), caller: 'provider' },
    {
      label: 'command with a DateTime of year 275760',
      body: schedule('+275760-09-13T00:00:00.000Z'),
      caller: 'provider',
    },
    {
      label: 'command with NUL in free text',
      body: schedule('2025-03-01T15:00:00.000Z', 'Moving\u0000 safely'),
      caller: 'provider',
    },
    {
      label: 'command with an unpaired surrogate in free text',
      body: schedule('2025-03-01T15:00:00.000Z', 'Moving \uD800 safely'),
      caller: 'provider',
    },
    {
      label: 'filter with a DateTime of year -1',
      body: q(
        'query ($id: ID!) { project(id: $id) { activities(filter: { from: "-000001-01-01T00:00:00Z" }) { totalCount } } }',
        {
          id: projectId,
        },
      ),
      caller: 'provider',
    },
    {
      label: 'read by an id with NUL',
      body: q('query ($id: ID!) { project(id: $id) { id } }', { id: 'a\u0000b' }),
      caller: 'provider',
    },
  ];
}

export function fixedRawCases(projectId: string): RawCase[] {
  const aliases = (count: number, field: string) =>
    Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');
  return [
    ...almostValidCommands(projectId),
    { label: 'empty query', body: q('') },
    { label: 'lone brace', body: q('{') },
    { label: 'braces soup', body: q('query {{{ }}}') },
    { label: 'unterminated selection', body: q('{ __typename ') },
    { label: 'unterminated string', body: q('{ project(id: "abc) { id } }') },
    { label: 'mutation without arguments or selection', body: q('mutation { launchProject }') },
    { label: 'unknown root field', body: q('{ noSuchField }') },
    { label: 'unknown nested field', body: q('{ project(id: "x") { noSuchField } }') },
    { label: 'unknown argument', body: q('{ project(id: "x", nope: 1) { id } }') },
    { label: 'leaf with selection', body: q('{ eventStore { lastPosition { x } } }') },
    { label: 'object without selection', body: q('{ eventStore }') },
    {
      label: 'variable of the wrong type for its position',
      body: q('query ($id: Int!) { project(id: $id) { id } }', { id: 'abc' }),
    },
    { label: 'undeclared variable', body: q('query { project(id: $undeclared) { id } }') },
    { label: 'unknown variable type', body: q('query ($x: NoSuchType) { __typename }', { x: 1 }) },
    { label: 'input type used as output', body: q('query ($x: Query) { __typename }') },
    { label: 'variable declared twice', body: q('query ($x: ID, $x: ID) { project(id: $x) { id } }', { x: 'a' }) },
    { label: 'unused variable', body: q('query ($x: ID) { __typename }', { x: 'a' }) },
    {
      label: 'required variable missing',
      body: q('query ($id: ID!) { project(id: $id) { id } }', {}),
    },
    {
      label: 'variable given a 5000-deep object',
      body: `{"query":"query ($id: ID!) { project(id: $id) { id } }","variables":{"id":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}}`,
      raw: true,
    },
    {
      label: 'input variable given a 20000-deep array',
      body: `{"query":"mutation ($input: LaunchProgrammeInput!) { launchProgramme(input: $input) { id } }","variables":{"input":{"name":${'['.repeat(20_000)}${']'.repeat(20_000)}}}}`,
      raw: true,
    },
    {
      label: 'JSON scalar given a 5000-deep object',
      body: `{"query":"mutation ($input: RegisterSignalFrameworkInput!) { registerSignalFramework(input: $input) { created } }","variables":{"input":{"frameworkId":"deep","version":1,"definition":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}}}`,
      raw: true,
    },
    {
      label: 'variable given a deep object',
      body: q('query ($id: ID!) { project(id: $id) { id } }', { id: nested(500, 'object') }),
    },
    {
      label: 'input object with 5000 unknown fields',
      body: q('query ($f: OrganisationFilterInput) { organisations(filter: $f) { totalCount } }', {
        f: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])),
      }),
    },
    {
      label: 'list variable for a scalar',
      body: q('query ($id: [ID!]!) { project(id: $id) { id } }', { id: ['a', 'b'] }),
    },
    { label: 'two operations, no operation name', body: q('query A { __typename } query B { __typename }') },
    { label: 'unknown operation name', body: q('query A { __typename }', undefined, 'Nope') },
    { label: 'operation name not a string', body: { query: 'query A { __typename }', operationName: 42 } },
    { label: 'anonymous and named operations', body: q('{ __typename } query B { __typename }') },
    {
      label: 'subscription over HTTP',
      body: q('subscription { signalsUpdated(projectId: "x") { __typename } }'),
    },
    { label: 'fragment cycle', body: q('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }') },
    { label: 'unknown fragment', body: q('query { ...Nope }') },
    { label: 'fragment on a wrong type', body: q('query { ...F } fragment F on Mutation { __typename }') },
    { label: 'unknown directive', body: q('{ __typename @nope }') },
    { label: 'directive with a bad argument', body: q('{ __typename @include(if: "yes") }') },
    {
      label: 'thousands of directives',
      body: q(`{ __typename ${'@include(if: true) '.repeat(3_000)}}`),
    },
    { label: 'huge document of repeated fields', body: q(`{ ${'__typename '.repeat(9_000)}}`) },
    { label: 'thousands of aliases', body: q(`{ ${aliases(3_000, '__typename')} }`) },
    {
      label: 'many aliases of a list query',
      body: q(`{ ${aliases(60, 'projects { totalCount edges { node { id } } }')} }`),
    },
    { label: 'many aliases of a signal query', body: q(`{ ${aliases(25, 'signalIndicators { key formula }')} }`) },
    {
      label: 'deeply nested introspection selection',
      body: q(`{ __schema { types { ${nestedSelection('ofType', 200)} } } }`),
    },
    {
      label: 'deeply nested selection of fields that do not nest',
      body: q(`{ ${'project(id: "x") { '.repeat(300)}id${' }'.repeat(300)} }`),
    },
    { label: 'deep list literal', body: q(`{ project(id: ${'['.repeat(5_000)}${']'.repeat(5_000)}) { id } }`) },
    {
      label: 'deep object literal',
      body: q(`{ signals(scope: ${'{projectId: '.repeat(3_000)}"x"${'}'.repeat(3_000)}) { __typename } }`),
    },
    { label: 'deep parentheses', body: q(`{ project${'('.repeat(5_000)} }`) },
    { label: 'NUL byte in the document', body: q('{ __typename \u0000 }') },
    { label: 'byte order mark and line separators', body: q('\uFEFF{ __typename\u2028 }') },
    { label: 'lone surrogate in the document', body: q('{ __typename \uD800 }') },
    { label: 'lone surrogate escape in a string literal', body: q('{ project(id: "\\uD800") { id } }') },
    { label: 'bad escape in a string literal', body: q('{ project(id: "\\x41") { id } }') },
    { label: 'block string literal', body: q('{ project(id: """multi\nline""") { id } }') },
    { label: 'integer overflow literal', body: q(`{ projects(first: ${'9'.repeat(400)}) { totalCount } }`) },
    { label: 'float for an Int literal', body: q('{ projects(first: 1.5) { totalCount } }') },
    { label: 'enum for a string literal', body: q('{ project(id: FOO) { id } }') },
    { label: 'variables is a string', body: q('{ __typename }', 'abc') },
    { label: 'variables is an array', body: q('{ __typename }', [1, 2]) },
    { label: 'variables is a number', body: q('{ __typename }', 42) },
    { label: 'query is a number', body: { query: 42 } },
    { label: 'query is null', body: { query: null } },
    { label: 'query is an object', body: { query: { kind: 'Document', definitions: [] } } },
    { label: 'query is an array', body: { query: ['{ __typename }'] } },
    { label: 'no query', body: {} },
    { label: 'extensions is a string', body: { query: '{ __typename }', extensions: 'x' } },
    {
      label: 'unknown persisted query',
      body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
    },
    {
      label: 'persisted query with a mismatched hash',
      body: { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } },
    },
    { label: 'batched request', body: [q('{ __typename }'), q('{ __typename }')] },
    { label: 'body is a JSON string', body: '"{ __typename }"', raw: true, transport: true },
    { label: 'body is JSON null', body: 'null', raw: true, transport: true },
    {
      label: '__proto__ in an input object',
      body: '{"query":"query ($s: SignalScopeInput!) { signals(scope: $s) { __typename } }","variables":{"s":{"__proto__":{"projectId":"x"},"projectId":"y"}}}',
      raw: true,
    },
    {
      label: 'constructor.prototype in variables',
      body: '{"query":"query ($id: ID!) { project(id: $id) { id } }","variables":{"id":"x","constructor":{"prototype":{"polluted":true}}}}',
      raw: true,
    },
    {
      label: 'duplicate JSON keys',
      body: '{"query":"{ __typename }","query":"{ eventStore { lastPosition } }"}',
      raw: true,
    },
    { label: 'not JSON', body: '{not json', raw: true, transport: true },
    { label: 'truncated JSON', body: '{"query":"{ __typename }"', raw: true, transport: true },
    { label: 'text/plain body', body: '{ __typename }', raw: true, contentType: 'text/plain', transport: true },
    {
      label: 'GraphQL content type',
      body: '{ __typename }',
      raw: true,
      contentType: 'application/graphql',
      transport: true,
    },
    {
      label: 'body over the size limit',
      body: q('{ __typename }', { pad: 'x'.repeat(300_000) }),
      transport: true,
    },
  ];
}

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '!',
  '=',
  ',',
  '|',
  '&',
  '...',
  '@skip',
  '@include(if: true)',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  '$x',
  '$input',
  'ID',
  'String!',
  '"str"',
  '"""block"""',
  '1',
  '-1.5e3',
  'true',
  'null',
  'project',
  'projects',
  'launchProject',
  'id',
  '__typename',
  '__schema',
  'input',
  'Query',
];

/** Random documents: token soup, garbage text, and real operations cut at a random point. */
export function randomRawCases(roots: readonly RootField[], seed: number, count: number): RawCase[] {
  const documents = roots.map((root) => `${root.operation} { ${root.name} ${root.selection} }`);
  const arbitrary = fc.oneof(
    fc
      .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 40 })
      .map((tokens) => ({ label: 'token soup', body: q(tokens.join(' ')) })),
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ label: 'garbage document', body: q(text) })),
    fc
      .tuple(fc.constantFrom(...documents), fc.nat())
      .map(([document, at]) => ({ label: 'truncated operation', body: q(document.slice(0, at % document.length)) })),
    fc.tuple(fc.constantFrom(...documents), fc.nat(), fc.constantFrom(...TOKENS)).map(([document, at, token]) => {
      const cut = at % document.length;
      return {
        label: 'operation with a stray token',
        body: q(`${document.slice(0, cut)} ${token} ${document.slice(cut)}`),
      };
    }),
  );
  return fc.sample(arbitrary, { seed, numRuns: count });
}
