import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** One root field of the schema (Query or Mutation; subscriptions are not sent over HTTP). */
export interface RootField {
  readonly operation: 'query' | 'mutation';
  readonly name: string;
  readonly field: GraphQLField<unknown, unknown>;
  /** A selection set for the return type: leaves and `__typename`, nested objects a few levels down. */
  readonly selection: string;
  /** The command mutations: they answer with the ids of the events they wrote. */
  readonly returnsMutationResult: boolean;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Object fields are followed this many levels below the root field; deeper, only leaves. */
const SELECTION_DEPTH = 2;

export function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (depth < SELECTION_DEPTH) parts.push(`${field.name} ${selectionFor(field.type, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** Every Query and Mutation root field of the schema, in schema order. */
export function rootFields(schema: GraphQLSchema): RootField[] {
  const roots: RootField[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      roots.push({
        operation,
        name: field.name,
        field,
        selection: selectionFor(field.type),
        returnsMutationResult: getNamedType(field.type).name === 'MutationResult',
      });
    }
  }
  return roots;
}

/**
 * A GraphQL literal for `value`, typed where the schema knows the position (enum values bare),
 * untyped elsewhere (an unknown field's value, a string where an object belongs...).
 */
export function printLiteral(value: unknown, type?: GraphQLInputType, depth = 0): string {
  if (value === null || value === undefined) return 'null';
  const nullable = type ? (getNullableType(type) as GraphQLInputType) : undefined;
  const itemType = nullable && isListType(nullable) ? (nullable.ofType as GraphQLInputType) : undefined;
  if (Array.isArray(value)) return `[${value.map((item) => printLiteral(item, itemType, depth + 1)).join(', ')}]`;
  if (itemType) return printLiteral(value, itemType, depth + 1);
  if (typeof value === 'object') {
    const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : {};
    const entries = Object.entries(value).map(
      ([key, item]) =>
        `${NAME.test(key) ? key : JSON.stringify(key)}: ${printLiteral(item, Object.hasOwn(fields, key) ? fields[key]!.type : undefined, depth + 1)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  if (typeof value === 'string')
    return nullable && isEnumType(nullable) && NAME.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return String(value);
}

export interface GraphQLRequestBody {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

/** The request for one case: arguments as variables (declared with their schema types) or inline literals. */
export function requestFor(root: RootField, args: Record<string, unknown>, inline: boolean): GraphQLRequestBody {
  const declared = new Map(root.field.args.map((arg) => [arg.name, arg]));
  const operationName = `Fuzz_${root.name}`;
  if (inline) {
    const printed = Object.entries(args)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}: ${printLiteral(value, declared.get(name)?.type)}`);
    const call = printed.length > 0 ? `${root.name}(${printed.join(', ')})` : root.name;
    return { query: `${root.operation} ${operationName} { ${call} ${root.selection} }`, operationName };
  }
  // Arguments the field does not take are still declared and passed (as JSON), so they reach validation.
  const names = [...new Set([...declared.keys(), ...Object.keys(args)])].filter((name) => NAME.test(name));
  const definitions = names.map((name) => `$${name}: ${declared.get(name)?.type.toString() ?? 'String'}`);
  const call = names.length > 0 ? `${root.name}(${names.map((name) => `${name}: $${name}`).join(', ')})` : root.name;
  const header = definitions.length > 0 ? `${operationName}(${definitions.join(', ')})` : operationName;
  return {
    query: `${root.operation} ${header} { ${call} ${root.selection} }`,
    variables: args,
    operationName,
  };
}
