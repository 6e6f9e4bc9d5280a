import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getOperationAST, type GraphQLError } from 'graphql';
import type { GraphQLMetrics, OperationType } from './graphql-metrics.js';
import { processMetrics } from './platform-metrics.js';

interface SentError {
  readonly extensions?: { readonly code?: unknown };
}

function codeOf(error: unknown): string | null {
  const code = (error as SentError | null)?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

function firstCode(errors: readonly SentError[] | undefined): string | null {
  if (!errors || errors.length === 0) return null;
  return codeOf(errors[0]) ?? 'INTERNAL_SERVER_ERROR';
}

/** The errors the client receives (formatted, so with the codes formatError gave them). */
function sentErrors(context: GraphQLRequestContextWillSendResponse<BaseContext>): readonly SentError[] | undefined {
  const body = context.response.body;
  return body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
}

/**
 * The operation's name and type, also when Apollo refused it before picking it (a validation
 * error, a limit): then from the parsed document. A document that did not parse has neither.
 */
function operationOf(context: GraphQLRequestContextWillSendResponse<BaseContext>): {
  name: string | null;
  type: OperationType;
} {
  const definition =
    context.operation ??
    (context.document ? getOperationAST(context.document, context.request.operationName) : null) ??
    null;
  if (definition) return { name: definition.name?.value ?? null, type: definition.operation };
  const requested = context.request.operationName;
  return { name: typeof requested === 'string' && requested !== '' ? requested : null, type: 'unknown' };
}

/**
 * Counts every GraphQL operation Apollo answers, by operation name (`anonymous` without one,
 * `other` past the name limit), type and outcome (`ok`, or the `extensions.code` of the first
 * error sent), and times it from the start of the request to the response. Requests refused
 * before their operation is read (authentication) are counted as `unknown`. graphql-ws
 * subscriptions do not pass through Apollo: SubscriptionMetricsInterceptor counts those.
 */
export function graphqlMetricsPlugin(
  metrics: GraphQLMetrics = processMetrics().graphql,
): ApolloServerPlugin<BaseContext> {
  return {
    // Refused before the request pipeline starts (no bearer token, over the rate limit; a body
    // that is not a GraphQL request): no operation is known yet.
    async contextCreationDidFail({ error }) {
      metrics.refusedRequest(codeOf(error));
    },
    async invalidRequestWasReceived({ error }) {
      metrics.refusedRequest(codeOf(error));
    },
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let encountered: readonly GraphQLError[] = [];
      let recorded = false;
      return {
        async didEncounterErrors({ errors }) {
          encountered = errors;
        },
        async willSendResponse(context) {
          if (recorded) return;
          recorded = true;
          const { name, type } = operationOf(context);
          const errorCode = firstCode(sentErrors(context)) ?? firstCode(encountered);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.operation({ name, type, errorCode, seconds });
        },
      };
    },
  };
}
