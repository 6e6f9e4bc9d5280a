import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../read-side/pagination.js';
import { LIMIT_CODES, limitRefusal } from './limit-refusal.js';

export interface PageSizes {
  /** Items a connection returns when `first` is absent. */
  readonly defaultPageSize: number;
  /** The cap on `first` (a larger value is refused by the resolver with BAD_USER_INPUT). */
  readonly maxPageSize: number;
}

const PAGE_SIZES: PageSizes = { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE };

/** A cursor connection: returns a `…Connection` type and takes `first`. */
export function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(field.type).name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first');
}

/**
 * A connection costs 1 plus its selection once per item it may return: `first`, or the default page
 * size when absent. `first` above the cap counts as the cap (the resolver refuses it with
 * BAD_USER_INPUT, the more precise answer), a negative or non-integer one as 0 (refused likewise).
 */
export function connectionEstimator(pageSizes: PageSizes = PAGE_SIZES): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (!isConnectionField(field)) return undefined;
    const first: unknown = args.first;
    const items =
      first === undefined || first === null
        ? pageSizes.defaultPageSize
        : Number.isInteger(first)
          ? Math.min(Math.max(first as number, 0), pageSizes.maxPageSize)
          : 0;
    return 1 + items * childComplexity;
  };
}

/** Every other field costs 1 plus its selection. */
export function complexityEstimators(pageSizes: PageSizes = PAGE_SIZES): ComplexityEstimator[] {
  return [connectionEstimator(pageSizes), simpleEstimator({ defaultComplexity: 1 })];
}

export interface OperationToMeasure {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly variables?: Record<string, unknown> | null;
  readonly operationName?: string | null;
}

/**
 * The complexity of the operation, by graphql-query-complexity with the estimators above. Throws
 * what the library throws: a GraphQLError for invalid variables, or once more than `maxQueryNodes`
 * selections have been evaluated.
 */
export function queryComplexity(
  operation: OperationToMeasure,
  maxQueryNodes: number,
  pageSizes: PageSizes = PAGE_SIZES,
): number {
  return getComplexity({
    schema: operation.schema,
    query: operation.document,
    variables: operation.variables ?? {},
    ...(operation.operationName ? { operationName: operation.operationName } : {}),
    estimators: complexityEstimators(pageSizes),
    maxQueryNodes,
  });
}

/**
 * Whether the variables fit the operation's declarations, stopping at the first error.
 * graphql-query-complexity coerces them with no error limit, each error message printing the whole
 * value: an input of 5,000 unknown fields took some 15 s of CPU (found by the fuzz test).
 */
function variablesFit(operation: OperationToMeasure): boolean {
  const definition = getOperationAST(operation.document, operation.operationName ?? undefined);
  if (!definition) return true;
  const coerced = getVariableValues(operation.schema, definition.variableDefinitions ?? [], operation.variables ?? {}, {
    maxErrors: 1,
  });
  return coerced.errors === undefined;
}

/** graphql-query-complexity's guard against documents too large to measure. */
const TOO_MANY_NODES = /maximum allowed number of nodes/;

/**
 * The refusal of an operation whose complexity exceeds `maxComplexity`, or null. Evaluation stops
 * after `maxComplexity + 1` selections (fields, fragment spreads, inline fragments): each field
 * costs at least 1, so a document with more is over the limit, and a fragment spread many times
 * cannot make the measurement itself expensive. Invalid variables are left to execution, which
 * reports them.
 */
export function complexityRefusal(
  operation: OperationToMeasure,
  maxComplexity: number,
  pageSizes: PageSizes = PAGE_SIZES,
): GraphQLError | null {
  if (!variablesFit(operation)) return null;
  let complexity: number;
  try {
    complexity = queryComplexity(operation, maxComplexity + 1, pageSizes);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    if (!TOO_MANY_NODES.test(error.message)) return null;
    return limitRefusal(
      LIMIT_CODES.complexity,
      `Query complexity exceeds the limit of ${maxComplexity}: it has more than ${maxComplexity} selections`,
      { limit: maxComplexity },
      { status: 400 },
    );
  }
  if (complexity <= maxComplexity) return null;
  return limitRefusal(
    LIMIT_CODES.complexity,
    `Query complexity ${complexity} exceeds the limit of ${maxComplexity} ` +
      `(each field costs 1; a connection costs its selection once per item of \`first\`, ${pageSizes.defaultPageSize} by default)`,
    { limit: maxComplexity, measured: complexity },
    { status: 400 },
  );
}
