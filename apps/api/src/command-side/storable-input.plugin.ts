import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { ReasonExtensions } from '#domain';
import { requestReason } from './request.reasons.js';

/**
 * U+0000, or a UTF-16 surrogate without its pair (JSON lets a client send either as an escape).
 * Neither is ever meaningful text, and PostgreSQL refuses both: as a text parameter (a read by id
 * fails) and inside jsonb (an event fails to append).
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what it looks for
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The DateTime scalar takes whatever `new Date()` takes, years 0 and below or 10000 and above
 * included ("-000001-01-01T00:00:00Z", "+275760-09-13T00:00:00Z"). PostgreSQL reads none of them
 * back: as a parameter the query fails, and inside an event every projection that reads the date
 * stops at that event (a poison event).
 */
const EARLIEST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

/** A value the DateTime scalar would turn into a valid Date the database cannot hold. */
export function isUnstorableDate(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'boolean') return false;
  const time = new Date(value as string).getTime();
  return !Number.isNaN(time) && (time < EARLIEST || time > LATEST);
}

/** The path of the first string (value or object key) with unstorable text in `value`, or null. */
export function unstorableTextAt(value: unknown, root: string): string | null {
  // Iterative: variables may be nested thousands of levels deep.
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (UNSTORABLE_TEXT.test(node)) return path;
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push([item, `${path}[${index}]`]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        if (UNSTORABLE_TEXT.test(key)) return path;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/** The path of the first DateTime in a variable's value (walked along its declared type) out of range, or null. */
export function unstorableDateAt(value: unknown, type: GraphQLInputType, root: string): string | null {
  const stack: Array<[unknown, GraphQLInputType, string]> = [[value, type, root]];
  while (stack.length > 0) {
    const [node, nodeType, path] = stack.pop()!;
    if (node === null || node === undefined) continue;
    const nullable = getNullableType(nodeType) as GraphQLInputType;
    if (isListType(nullable)) {
      const itemType = nullable.ofType as GraphQLInputType;
      if (Array.isArray(node)) node.forEach((item, index) => stack.push([item, itemType, `${path}[${index}]`]));
      else stack.push([node, itemType, path]);
    } else if (isInputObjectType(nullable)) {
      if (typeof node !== 'object' || Array.isArray(node)) continue;
      for (const field of Object.values(nullable.getFields())) {
        if (Object.hasOwn(node, field.name))
          stack.push([(node as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`]);
      }
    } else if (getNamedType(nullable).name === 'DateTime' && isUnstorableDate(node)) {
      return path;
    }
  }
  return null;
}

/** Whether a string literal of the document is unstorable text, or an unstorable date where a DateTime goes. */
function unstorableLiteralIn(schema: GraphQLSchema, document: DocumentNode): 'text' | 'date' | null {
  let found: 'text' | 'date' | null = null;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue(node) {
        if (UNSTORABLE_TEXT.test(node.value)) found ??= 'text';
        const type = typeInfo.getInputType();
        if (type && getNamedType(type).name === 'DateTime' && isUnstorableDate(node.value)) found ??= 'date';
      },
    }),
  );
  return found;
}

function refusal(message: string, coded: ReasonExtensions): GraphQLError {
  return new GraphQLError(message, { extensions: { ...coded, http: { status: 400 } } });
}

const TEXT_RULE = 'contains U+0000 or an unpaired UTF-16 surrogate, which text may not contain';
const DATE_RULE = 'is a date-time outside the years 0001 to 9999';

/** The refusal of an operation carrying input the database cannot hold, or null (HTTP and graphql-ws alike). */
export function unstorableInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): GraphQLError | null {
  const text = unstorableTextAt(variables, '$');
  if (text) return refusal(`Variable ${text.replace(/^\$\./, '$')} ${TEXT_RULE}`, requestReason('INVALID_TEXT'));
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const date = type ? unstorableDateAt(variables[name], type, `$${name}`) : null;
    if (date) return refusal(`Variable ${date} ${DATE_RULE}`, requestReason('DATE_OUT_OF_RANGE'));
  }
  const literal = unstorableLiteralIn(schema, document);
  if (literal === 'text') return refusal(`A string literal ${TEXT_RULE}`, requestReason('INVALID_TEXT'));
  if (literal === 'date') return refusal(`A DateTime literal ${DATE_RULE}`, requestReason('DATE_OUT_OF_RANGE'));
  return null;
}

/**
 * Refuses, before anything runs, an operation whose variables or literals carry input the database
 * cannot hold (text with U+0000 or unpaired surrogates, date-times outside years 1 to 9999): left
 * through, such input surfaced as internal errors, or was stored and then stopped projections.
 */
@Plugin()
export class StorableInputPlugin implements ApolloServerPlugin<BaseContext> {
  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    return {
      async didResolveOperation({ request, document, operation, schema }) {
        // An operation Apollo could not pick (several, no name) is refused by Apollo itself.
        if (!operation) return;
        const refused = unstorableInput(schema, document, operation, request.variables ?? {});
        if (refused) throw refused;
      },
    };
  }
}
