import type { GraphQLError, GraphQLFormattedError, ValidationRule } from 'graphql';
import { LIMIT_CODES, limitRefusal } from './limit-refusal.js';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

const MESSAGE =
  'Introspection (__schema, __type) is disabled on this server; set GRAPHQL_INTROSPECTION=true to turn it on';

export function introspectionDisabled(): GraphQLError {
  return limitRefusal(LIMIT_CODES.introspection, MESSAGE, undefined, { status: 400 });
}

/**
 * Refuses `__schema` and `__type` when introspection is off. Over HTTP Apollo's own rule refuses
 * first (`introspection: false`; see `asIntrospectionRefusal`); graphql-ws validates with plain
 * graphql-js, so this rule is what keeps introspection off on the socket.
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (INTROSPECTION_FIELDS.has(node.name.value)) context.reportError(introspectionDisabled());
  },
});

/**
 * Apollo's refusal (code GRAPHQL_VALIDATION_FAILED, `validationErrorCode` INTROSPECTION_DISABLED, a
 * message about ApolloServer options) as the API's typed refusal; null for any other error.
 */
export function asIntrospectionRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  if (formatted.extensions?.validationErrorCode !== LIMIT_CODES.introspection) return null;
  return { message: MESSAGE, locations: formatted.locations, extensions: { code: LIMIT_CODES.introspection } };
}
