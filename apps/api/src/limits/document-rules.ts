import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { ApiLimits } from '#config';
import { LIMIT_CODES, limitRefusal } from './limit-refusal.js';

/** graphql-armor's rejection messages end with "…exceeded, found <n>." (exposeLimits). */
const FOUND = /found (\d+)/;

function measuredIn(error: GraphQLError): number | undefined {
  const found = FOUND.exec(error.message)?.[1];
  return found === undefined ? undefined : Number(found);
}

/**
 * Reports graphql-armor's rejection as our typed refusal instead of its untyped "Syntax Error: …",
 * so that Apollo and graphql-ws both answer the stable code.
 */
function refuseAs(describe: (measured: number | undefined) => GraphQLError) {
  return (context: ValidationContext | null, rejection: GraphQLError) => {
    context?.reportError(describe(measuredIn(rejection)));
  };
}

/**
 * Depth and alias limits of a document, by graphql-armor. Depth counts nested fields (fragments do
 * not add a level); introspection's `__schema` is not counted (tools' introspection query is deep;
 * whether introspection is allowed at all is a separate switch). Aliases of `__typename` are free.
 */
export function documentRules(limits: Pick<ApiLimits, 'maxDepth' | 'maxAliases'>): ValidationRule[] {
  const { maxDepth, maxAliases } = limits;
  const armor = new ApolloArmor({
    maxDepth: {
      n: maxDepth,
      flattenFragments: true,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [
        refuseAs((depth) =>
          limitRefusal(
            LIMIT_CODES.depth,
            `Query depth ${depth ?? 'above the limit'} exceeds the limit of ${maxDepth}`,
            { limit: maxDepth, measured: depth },
            { status: 400 },
          ),
        ),
      ],
    },
    maxAliases: {
      n: maxAliases,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [
        refuseAs((aliases) =>
          limitRefusal(
            LIMIT_CODES.aliases,
            `The query uses ${aliases ?? 'more'} aliases; the limit is ${maxAliases}`,
            { limit: maxAliases, measured: aliases },
            { status: 400 },
          ),
        ),
      ],
    },
    // Complexity is measured by graphql-query-complexity (connection-aware, see complexity.ts); the
    // body size limit bounds tokens and directives.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    maxDirectives: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}
