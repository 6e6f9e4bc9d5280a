import { GraphQLError } from 'graphql';

/** The stable `extensions.code` of each refusal by an API limit. */
export const LIMIT_CODES = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  complexity: 'QUERY_TOO_COMPLEX',
  body: 'PAYLOAD_TOO_LARGE',
  timeout: 'OPERATION_TIMEOUT',
  introspection: 'INTROSPECTION_DISABLED',
} as const;

export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

export interface LimitMeasure {
  /** The configured limit. */
  readonly limit: number;
  /** What the request measured, when it is known. */
  readonly measured?: number;
}

/**
 * A refusal by an API limit: a GraphQLError whose `extensions` carry the stable code, the limit and
 * what was measured. Refusals before execution (too deep, too complex, ...) answer HTTP 400.
 */
export function limitRefusal(
  code: LimitCode,
  message: string,
  measure?: LimitMeasure,
  options: { status?: number } = {},
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code,
      ...(measure ? { limit: measure.limit } : {}),
      ...(measure?.measured !== undefined ? { measured: measure.measured } : {}),
      ...(options.status ? { http: { status: options.status } } : {}),
    },
  });
}

/** The same error without its HTTP status, for graphql-ws, which sends errors as they are. */
export function withoutHttp(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions });
}
