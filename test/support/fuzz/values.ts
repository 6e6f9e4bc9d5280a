import fc from 'fast-check';
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';

/**
 * Arbitraries for GraphQL argument values, derived from the argument types of the schema.
 *
 * A value is mostly valid (a known id, a real date, an enum value) so that a case gets past the
 * first check and reaches deeper validation and the deciders; a case then breaks it in one place,
 * or everywhere, with a malformed value: a wrong type, null for non-null, a huge string, deep
 * nesting, an unknown enum value, an impossible date, a unicode edge case, an unknown field.
 *
 * Ids of known aggregates are placeholders (`@@ref:<kind>:<n>`) resolved when the case is sent,
 * from pools that grow as the fuzz creates aggregates; `@@position:<n>` is a real position.
 */

export const REF_PREFIX = '@@ref:';
export const POSITION_PREFIX = '@@position:';

/** Organisations the seed registers, and one that does not exist. */
export const ORGANISATIONS = ['org-home-care', 'org-university', 'org-provider', 'org-municipality', 'org-unknown'];

/** Fixed command ids: reused across cases so some commands replay, some clash with another stream. */
export const COMMAND_IDS = Array.from(
  { length: 6 },
  (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
);

const ID_KINDS: Record<string, string> = {
  projectId: 'project',
  activityId: 'activity',
  activityIds: 'activity',
  decisionId: 'decision',
  suggestionId: 'suggestion',
  barrierId: 'barrier',
  evidenceId: 'evidence',
  instrumentId: 'instrument',
  channelId: 'channel',
  programmeId: 'programme',
  territoryId: 'territory',
  invitationId: 'invitation',
  meetingId: 'meeting',
  goalId: 'goal',
  concernId: 'concern',
  observationId: 'observation',
  frameworkId: 'framework',
  actionId: 'action',
};

/** By-id root fields whose `id` names something other than the field. */
const ROOT_ID_KINDS: Record<string, string> = { signalFramework: 'framework', revokeApiKey: 'apiKey' };

/** Which pool an id argument or input field draws from (undefined: not an id of something known). */
export function idKind(name: string, rootField?: string): string | undefined {
  if (/organisationids?$/i.test(name)) return 'organisation';
  if (/carerid$/i.test(name)) return 'carer';
  if (/memberids?$/i.test(name)) return 'member';
  if (ID_KINDS[name]) return ID_KINDS[name];
  if (name === 'id' && rootField) return ROOT_ID_KINDS[rootField] ?? rootField;
  if (name.endsWith('Id')) return name.slice(0, -2);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Malformed values

const HUGE = 100_000;
const repeat = (text: string, times: number) => text.repeat(times);

/**
 * Nested objects or arrays `depth` levels deep (built iteratively: the depth is the point). Kept
 * to depths JSON.stringify manages on the test's own stack; deeper JSON is written as text
 * (see the raw cases).
 */
export function nested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = kind === 'object' ? { leaf: 'x' } : ['x'];
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
  return value;
}

const WRONG_TYPES: unknown[] = [
  0,
  -1,
  1,
  3.5,
  -0.5,
  1e308,
  -1e308,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  true,
  false,
  '',
  ' ',
  '0',
  'true',
  'null',
  'undefined',
  [],
  {},
  [null],
  [1, 'a', {}],
  { a: 1 },
  { id: '00000000-0000-4000-8000-000000000001' },
];

const HUGE_VALUES: Array<() => unknown> = [
  () => repeat('x', HUGE),
  () => repeat('é', 45_000),
  () => repeat('😀', 22_000),
  () => repeat('\u0000', 8_000),
  () => repeat('a\u0301', 30_000),
  () => Array.from({ length: 20_000 }, (_, i) => i),
  () => Array.from({ length: 5_000 }, () => 'ab'),
  () => Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])),
];

const DEEP_VALUES: Array<() => unknown> = [
  () => nested(64, 'object'),
  () => nested(64, 'array'),
  () => nested(1_000, 'object'),
  () => nested(1_000, 'array'),
];

const BAD_ENUMS = [
  'NOT_A_VALUE',
  'TRAINING_COURSE',
  'training_course ',
  'Training_Course',
  '__proto__',
  'constructor',
  'toString',
  '',
  'ACTIVE',
  'null',
  'true',
];

const BAD_DATES: unknown[] = [
  '2025-13-45',
  '0000-00-00',
  'not a date',
  '2025-02-30',
  '2025-02-30T10:00:00Z',
  '2025-01-01T25:61:61Z',
  '2025-01-01T10:00:00+25:00',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '1900-01-01',
  '2100-01-01T00:00:00Z',
  '2025-01-01',
  '2025',
  '20250101',
  'T',
  '',
  '   ',
  '２０２５-０１-０１',
  '2025-01-01T00:00:00.000000000000000000001Z',
  0,
  -1,
  1e15,
  8.64e15,
  8.64e15 + 1,
  -8.64e15 - 1,
  1e308,
  [2025, 1, 1],
  { year: 2025 },
  true,
];

const NUMERIC_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-0',
  '0x1F',
  '1_000',
  '١٢٣',
  '９',
  '1,5',
  ' 42 ',
  '4.2e1',
];

const UNICODE = [
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uDBFF\uDFFF',
  'a\u200Db',
  '\u200B',
  '\u202Eevil\u202C',
  '\u2066isolate\u2069',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\u0000',
  'a\u0000b',
  'e' + repeat('\u0301', 300),
  '\uFEFF',
  '\u2028\u2029',
  '\r\n',
  '\t',
  'Z̷̢̛a̴l̸g̶o̵',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'مرحبا بالعالم',
  'שלום',
  '\u00AD',
  '\uFFFD',
  '\uFFFF',
  '\u0085',
  'Ω≈ç√∫',
  '日本語のテキスト',
];

const INJECTION = [
  "'; drop table es_events; --",
  '" or 1=1 --',
  '%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'prototype',
  '$all',
  '$ce-project',
  '\\',
  '"',
  '-',
  '.',
];

const ODD_IDS = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '{00000000-0000-4000-8000-000000000001}',
  '00000000-0000-4000-8000-00000000000١',
  '00000000000040008000000000000001',
  'urn:uuid:00000000-0000-4000-8000-000000000001',
  repeat('a', 101),
  repeat('a', 1_001),
];

/** A malformed value that keeps the request small (several may go in one request). */
export const malformedSmall: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP_VALUES.slice(0, 2)).map((make) => make()) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_ENUMS) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMERIC_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTION) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_IDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** One malformed value, at most one per request: huge strings and deep nesting included. */
export const malformed: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: malformedSmall },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_VALUES).map((make) => make()) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP_VALUES).map((make) => make()) },
);

/** Keys to smuggle into an input object: unknown fields, prototype keys, near misses. */
export const extraKeys: fc.Arbitrary<string> = fc.constantFrom(
  'unknownField',
  '__proto__',
  'constructor',
  'prototype',
  '__typename',
  'ProjectId',
  'project_id',
  '',
  ' ',
  'a-b',
  '😀',
);

// ---------------------------------------------------------------------------------------------
// Mostly-valid values

const PAST_DATE = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2026-10-31T23:59:59Z'),
  noInvalidDate: true,
});
const FUTURE_DATE = fc.date({
  min: new Date('2027-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const DATE_TIME = fc.oneof(
  { weight: 9, arbitrary: PAST_DATE.map((d) => d.toISOString()) },
  { weight: 1, arbitrary: FUTURE_DATE.map((d) => d.toISOString()) },
);
const SLUG = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const TEXT = fc.oneof(
  { weight: 4, arbitrary: fc.lorem({ maxCount: 8 }).filter((s) => s.length > 0) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
);
const CURSOR = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url')),
  fc.string({ maxLength: 30 }).map((s) => Buffer.from(s).toString('base64')),
  fc.constantFrom('', 'abc', '====', 'eyJ9', Buffer.from('{"position":"9-9","id":"x"}').toString('base64url')),
  fc.string({ maxLength: 30 }),
);

const INTS: Record<string, [number, number]> = {
  version: [1, 3],
  first: [0, 60],
  durationMinutes: [1, 240],
  pilotMonths: [1, 36],
  additionalMonths: [1, 12],
  eligibleCarers: [1, 1000],
  itemCount: [1, 10],
  minimum: [0, 2],
  maximum: [3, 7],
  value: [0, 7],
  questionsAsked: [1, 10],
  correctAnswers: [0, 10],
  answers: [1, 5],
  number: [1, 20],
  weeklyCareHours: [0, 80],
  carers: [0, 30],
  providers: [0, 10],
  researchers: [0, 10],
  trainingCoursesPerMonth: [0, 4],
  peerMeetingsPerMonth: [0, 4],
  committeeEveryMonths: [1, 12],
};

function stringFor(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'startsOn':
      return PAST_DATE.map((d) => d.toISOString().slice(0, 10));
    case 'atLeastPosition':
    case 'afterPosition':
      return fc.oneof(
        { weight: 4, arbitrary: fc.nat(20).map((n) => `${POSITION_PREFIX}${n}`) },
        { weight: 1, arbitrary: fc.constantFrom('0-0', '1-1', 'soon', '-1', '1-', '00000000000000000001-1') },
      );
    case 'after':
      return CURSOR;
    case 'email':
      return fc.constantFrom('carer@example.org', 'a.b+c@example.co.uk', 'not-an-email');
    case 'phone':
      return fc.constantFrom('+33 6 12 34 56 78', '0612345678', 'call me');
    case 'pseudonym':
      return fc.nat(999).map((n) => `Carer ${n}`);
    case 'code':
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom(
            'lack_of_trust',
            'inability_to_change',
            'mistakes',
            'satisfaction',
            'lack_of_training',
          ),
        },
        { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/) },
      );
    case 'eventType':
      return fc.constantFrom('ProjectLaunched', 'CarerRegistered', 'ActivityScheduled', 'DecisionTaken', 'Nope');
    case 'name':
    case 'nameContains':
    case 'label':
      return fc.oneof(fc.constantFrom('Valley pilot', 'Home care', 'v'), TEXT);
    case 'intervieweeRef':
    case 'patientRef':
      return fc.oneof(SLUG, fc.constantFrom('interviewee-1', 'patient-7'));
    default:
      return TEXT;
  }
}

function scalarFor(typeName: string, name: string, rootField: string, context: FuzzContext): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID': {
      if (name === 'commandId')
        return fc.oneof({ weight: 5, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom(...COMMAND_IDS) });
      const kind = idKind(name, rootField);
      const ref = fc.nat(40).map((n) => `${REF_PREFIX}${kind}:${n}`);
      if (kind === 'organisation')
        return fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...ORGANISATIONS) },
          { weight: 2, arbitrary: ref },
          { weight: 1, arbitrary: SLUG },
        );
      if (kind === 'member') return fc.oneof(fc.constantFrom('m-nurse-1', 'm-psychologist', 'member-2'), SLUG);
      if (kind === 'framework' && context.frameworkIds.length > 0)
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...context.frameworkIds) },
          { weight: 1, arbitrary: SLUG },
        );
      if (kind === 'territory') return fc.oneof(fc.constantFrom('valley', 'territory-valley'), ref, SLUG);
      if (kind)
        return fc.oneof(
          { weight: 6, arbitrary: ref },
          { weight: 2, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: SLUG },
        );
      return fc.oneof(fc.uuid(), SLUG);
    }
    case 'String':
      if (name === 'name' && context.projectionNames.length > 0 && rootField.includes('Projection'))
        return fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...context.projectionNames) },
          { weight: 1, arbitrary: TEXT },
        );
      if (name === 'projection' && context.projectionNames.length > 0)
        return fc.oneof(fc.constantFrom(...context.projectionNames), TEXT);
      return stringFor(name);
    case 'Int': {
      const [min, max] = INTS[name] ?? [-3, 100];
      return fc.integer({ min, max });
    }
    case 'Float':
      return fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return DATE_TIME;
    case 'SignalFrameworkDefinition':
      return context.frameworkDefinitions.length > 0
        ? fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...context.frameworkDefinitions) },
            { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 })) },
          )
        : fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }));
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/** What the server told the harness before the fuzz: names that make valid values. */
export interface FuzzContext {
  readonly projectionNames: readonly string[];
  readonly frameworkIds: readonly string[];
  readonly frameworkDefinitions: readonly unknown[];
}

/** A mostly-valid value of `type` for the argument or input field `name`. */
export function validValue(
  type: GraphQLInputType,
  name: string,
  rootField: string,
  context: FuzzContext,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!isNonNullType(type)) {
    const inner = nonNullValue(type, name, rootField, context, depth + 1);
    return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: inner });
  }
  return nonNullValue(getNullableType(type), name, rootField, context, depth);
}

function nonNullValue(
  type: GraphQLInputType,
  name: string,
  rootField: string,
  context: FuzzContext,
  depth: number,
): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (depth > 8) return fc.constant(null);
  if (isListType(nullable)) {
    return fc.array(validValue(nullable.ofType, name, rootField, context, depth + 1), { maxLength: 3 });
  }
  if (isEnumType(nullable)) return fc.constantFrom(...nullable.getValues().map((v) => v.name));
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) shape[field.name] = validValue(field.type, field.name, rootField, context, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    return fc.record(shape, { requiredKeys: required });
  }
  if (isScalarType(nullable)) return scalarFor(nullable.name, name, rootField, context);
  return fc.constant(null);
}

/** Mostly-valid arguments of a root field: every required one, some of the optional ones. */
export function validArguments(
  args: readonly GraphQLArgument[],
  rootField: string,
  context: FuzzContext,
): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of args) shape[arg.name] = validValue(arg.type, arg.name, rootField, context);
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
  return fc.record(shape, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

// ---------------------------------------------------------------------------------------------
// Breaking a valid value

type Path = ReadonlyArray<string | number>;

/** Every node of a value, the root first (the root itself is not a candidate for replacement). */
export function pathsOf(value: unknown, path: Path = [], out: Path[] = [], depth = 0): Path[] {
  out.push(path);
  if (depth > 10 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out, depth + 1));
  else for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out, depth + 1);
  return out;
}

function parentOf(root: Record<string, unknown>, path: Path): unknown {
  let node: unknown = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
  return node;
}

/** Sets an own property, even `__proto__` (as JSON.parse would), so the key reaches the wire. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export type Corruption =
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'null'; readonly at: number }
  | { readonly kind: 'omit'; readonly at: number }
  | { readonly kind: 'extra'; readonly at: number; readonly key: string; readonly value: unknown };

export const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: malformed }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('null' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('omit' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      at: fc.nat(),
      key: extraKeys,
      value: fc.oneof(fc.constant(1), fc.constant({ polluted: true }), malformed),
    }),
  },
);

/** A deep copy of `args` broken in one place (an unknown field goes on the nearest object). */
export function corrupt(args: Record<string, unknown>, how: Corruption): Record<string, unknown> {
  const copy = structuredClone(args);
  const paths = pathsOf(copy).filter((p) => p.length > 0);
  if (how.kind === 'extra') {
    const objects = pathsOf(copy).filter((p) => {
      const node = p.reduce<unknown>((n, step) => (n as Record<string | number, unknown>)[step], copy);
      return node !== null && typeof node === 'object' && !Array.isArray(node);
    });
    const path = objects[how.at % objects.length]!;
    const target = path.reduce<unknown>((n, step) => (n as Record<string | number, unknown>)[step], copy);
    setOwn(target as Record<string, unknown>, how.key, how.value);
    return copy;
  }
  if (paths.length === 0) {
    // Nothing to break but the arguments' absence: give the field an argument it does not take.
    setOwn(copy, 'unexpected', how.kind === 'replace' ? how.value : null);
    return copy;
  }
  const path = paths[how.at % paths.length]!;
  const parent = parentOf(copy, path) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (how.kind === 'omit') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    setOwn(parent, key, how.kind === 'null' ? null : how.value);
  }
  return copy;
}

export interface UnicodeEdit {
  readonly at: number;
  readonly text: string;
  readonly how: 'replace' | 'append' | 'prepend' | 'insert';
}

/** A unicode edge case put into one string of an otherwise valid value (where free text reaches the store). */
export const unicodeEdit: fc.Arbitrary<UnicodeEdit> = fc.record({
  at: fc.nat(),
  text: fc.constantFrom(...UNICODE),
  how: fc.constantFrom('replace' as const, 'append' as const, 'prepend' as const, 'insert' as const),
});

export function withUnicode(args: Record<string, unknown>, edit: UnicodeEdit): Record<string, unknown> {
  const copy = structuredClone(args);
  const strings = pathsOf(copy).filter((path) => {
    const node = path.reduce<unknown>((n, step) => (n as Record<string | number, unknown>)[step], copy);
    return typeof node === 'string' && !node.startsWith('@@');
  });
  if (strings.length === 0) return copy;
  const path = strings[edit.at % strings.length]!;
  const parent = parentOf(copy, path) as Record<string | number, string>;
  const key = path[path.length - 1]!;
  const value = parent[key]!;
  const middle = Math.floor(value.length / 2);
  parent[key] =
    edit.how === 'replace'
      ? edit.text
      : edit.how === 'append'
        ? `${value}${edit.text}`
        : edit.how === 'prepend'
          ? `${edit.text}${value}`
          : `${value.slice(0, middle)}${edit.text}${value.slice(middle)}`;
  return copy;
}

/** Each argument independently valid or malformed, plus sometimes an argument the field does not take. */
export function chaosArguments(
  args: readonly GraphQLArgument[],
  rootField: string,
  context: FuzzContext,
): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of args) {
    shape[arg.name] = fc.oneof(validValue(arg.type, arg.name, rootField, context), malformedSmall, fc.constant(null));
  }
  return fc
    .tuple(fc.record(shape, { requiredKeys: [] }), fc.integer({ min: 0, max: 4 }), malformedSmall)
    .map(([values, dice, extra]) => (dice === 0 ? { ...values, unexpected: extra } : values));
}
