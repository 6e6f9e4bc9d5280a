import { readFileSync } from 'node:fs';
import type { RunningApi } from './api-process.js';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isLeafType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

export type RootKind = 'query' | 'mutation' | 'subscription';

export interface Operation {
  readonly kind: RootKind;
  readonly field: string;
  readonly document: string;
  readonly variables: Record<string, unknown>;
}

/** The values an operation's arguments take: real ids where the argument names one. */
export interface Identity {
  readonly projectId: string;
  readonly carerId: string;
  readonly organisationId: string;
}

let loaded: GraphQLSchema | null = null;

/**
 * The schema the built server generates (it rewrites schema.gql at boot outside production),
 * parsed once per test file. Another suite's server may be rewriting the file at this moment:
 * read it again, a few times, if it does not parse.
 */
export function loadSchema(): GraphQLSchema {
  for (let attempt = 1; !loaded; attempt++) {
    try {
      loaded = buildSchema(readFileSync('schema.gql', 'utf8'));
    } catch (error) {
      if (attempt >= 5) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  return loaded;
}

/**
 * Every root field of the schema as a runnable operation with the smallest well-typed arguments
 * (required fields only), so that what answers is the API's own checks, never GraphQL validation.
 */
export function everyOperation(schema: GraphQLSchema, identity: Identity): Operation[] {
  const roots: Array<[RootKind, ReturnType<GraphQLSchema['getQueryType']>]> = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => operationFor(kind, field, identity)),
  );
}

function operationFor(kind: RootKind, field: GraphQLField<unknown, unknown>, identity: Identity): Operation {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passing = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const variables = Object.fromEntries(required.map((arg) => [arg.name, value(arg.type, arg.name, identity)]));
  return {
    kind,
    field: field.name,
    document: `${kind}${declarations ? ` (${declarations})` : ''} { ${field.name}${passing ? `(${passing})` : ''}${selection} }`,
    variables,
  };
}

function value(type: GraphQLInputType, name: string, identity: Identity): unknown {
  if (isNonNullType(type)) return value(type.ofType, name, identity);
  if (isListType(type)) return [value(type.ofType, name, identity)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        // A carer id is filled even where optional: carers enter their own answers only under it.
        .filter((field) => isNonNullType(field.type) || field.name === 'carerId')
        .map((field) => [field.name, value(field.type, field.name, identity)]),
    );
  }
  if (isScalarType(type)) {
    if (name === 'projectId') return identity.projectId;
    if (name === 'carerId') return identity.carerId;
    if (/OrganisationId$|^organisationId$/.test(name)) return identity.organisationId;
    switch (type.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 0.5;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2025-02-01T10:00:00.000Z';
      case 'ID':
      case 'String':
        return 'x';
      default:
        return {};
    }
  }
  throw new Error(`no value for ${String(type)}`);
}

/** The input type a mutation takes as `input` (e.g. AnswerCarerInvitationInput for acceptCarerInvitation). */
export function inputTypeOf(mutation: string, schema: GraphQLSchema = loadSchema()): string {
  const arg = schema
    .getMutationType()
    ?.getFields()
    [mutation]?.args.find((a) => a.name === 'input');
  if (!arg) throw new Error(`no mutation ${mutation}(input: ...)`);
  return arg.type.toString().replace(/!$/, '');
}

/** Runs a mutation that must succeed (as `headers`), returning the id and position it wrote. */
export async function mutateOk(
  api: RunningApi,
  name: string,
  input: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ id: string; position: string }> {
  const answer = await api.graphql<Record<string, { id: string; position: string }>>(
    `mutation M($input: ${inputTypeOf(name)}!) { ${name}(input: $input) { id position } }`,
    { input },
    headers,
  );
  if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
  return answer.data![name]!;
}
