import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { ReasonExtensions } from '#domain';
import type { DirectoryList, KeyType, PageRequest } from '#read-models/directory';
import { queryReason } from './query.reasons.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page of a connection stands (forward pagination with `first` and `after`).' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page: pass `endCursor` as `after` to read them.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was read after a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor of the last item of this page.' })
  endCursor!: string | null;
}

export interface Edge<N> {
  readonly cursor: string;
  readonly node: N;
}

/**
 * What a list resolver returns. `totalCount` is a getter, so its count query only runs when a
 * client selects the field (the default field resolver reads the property).
 */
export interface ConnectionValue<N> {
  readonly edges: readonly Edge<N>[];
  readonly pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/** Builds `<Name>Connection` and `<Name>Edge` for a node type. */
export function Connection<N>(node: Type<N>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque cursor of this item; pass it as `after` to read the items that follow.' })
    cursor!: string;

    @Field(() => node)
    node!: N;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match the filter, over every page.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Options of the `first` argument every list takes. */
export const FIRST_ARG = {
  type: () => Int,
  nullable: true,
  description: `How many items to return, from 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
} as const;

/** Options of the `after` argument every list takes. */
export const AFTER_ARG = {
  type: () => String,
  nullable: true,
  description: 'Return the items after this cursor (an `endCursor` of the same list).',
} as const;

/** Options of the `atLeastPosition` argument every top-level query takes. */
export const AT_LEAST_POSITION_ARG = {
  type: () => String,
  nullable: true,
  description: 'A `position` returned by a mutation: the query first waits until the read models include it.',
} as const;

function badInput(message: string, extensions: ReasonExtensions): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions } });
}

/** Cursors are opaque to clients: base64url of `[list, ...sort key values]`. */
export function encodeCursor(list: string, values: readonly unknown[]): string {
  const plain = values.map((value) => (value instanceof Date ? value.toISOString() : value));
  return Buffer.from(JSON.stringify([list, ...plain]), 'utf8').toString('base64url');
}

export function decodeCursor(list: string, cursor: string, types: readonly KeyType[]): (string | number)[] {
  const invalid = () => badInput(`"${cursor}" is not a cursor of this list`, queryReason('INVALID_CURSOR'));
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded[0] !== list || decoded.length !== types.length + 1) throw invalid();
  const values = decoded.slice(1) as unknown[];
  return values.map((value, index) => {
    const type = types[index];
    if (type === 'integer' && Number.isSafeInteger(value)) return value as number;
    if (type === 'text' && typeof value === 'string') return value;
    if (type === 'timestamptz' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
    throw invalid();
  });
}

/** Checks `first` against the cap and decodes `after`; refuses with BAD_USER_INPUT. */
export function pageRequest(
  firstArg: number | null | undefined,
  afterArg: string | null | undefined,
  list: string,
  types: readonly KeyType[],
): PageRequest {
  const first = firstArg ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0)
    throw badInput('first must be zero or more', queryReason('INVALID_PAGE_SIZE'));
  if (first > MAX_PAGE_SIZE) {
    throw badInput(`first must be at most ${MAX_PAGE_SIZE} (got ${first})`, queryReason('PAGE_SIZE_TOO_LARGE'));
  }
  return { first, after: afterArg ? decodeCursor(list, afterArg, types) : null };
}

/** The page of a directory list that the `first` and `after` arguments ask for. */
export function listPageRequest<F>(
  list: DirectoryList<F>,
  firstArg: number | null | undefined,
  afterArg: string | null | undefined,
): PageRequest {
  return pageRequest(
    firstArg,
    afterArg,
    list.name,
    list.order.map((key) => key.type),
  );
}

export function pageInfoOf<N>(edges: readonly Edge<N>[], hasNextPage: boolean, after: unknown): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage: after !== null && after !== undefined,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}
