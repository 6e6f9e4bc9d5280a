import type { IncomingMessage } from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import type { Principal } from '#auth';
import { formatGraphQLError } from '../command-side/graphql-errors.js';
import { withoutHttp } from '../limits/limit-refusal.js';
import type { Authenticator } from './authenticator.js';
import type { RequestContext } from './graphql-request.js';

interface WsExtra {
  readonly request: IncomingMessage;
  principal?: Principal;
}

type ContextArgs = { req: IncomingMessage } | WsContext<Record<string, unknown> | undefined, WsExtra>;

/**
 * Builds each operation's context. Over HTTP the bearer token is verified here, so an
 * unauthenticated request is answered with UNAUTHENTICATED before any resolver runs; over
 * graphql-ws it was verified when the subscription started (see `subscriptionAuthentication`).
 */
export function graphqlContext(authenticator: Authenticator) {
  return async (args: ContextArgs): Promise<RequestContext> => {
    if ('req' in args) {
      return { req: args.req, principal: await authenticator.authenticate(args.req.headers.authorization) };
    }
    return { req: args.extra.request, principal: args.extra.principal };
  };
}

/**
 * graphql-ws hooks: the token travels in the connection parameters (`{ authorization: "Bearer …" }`)
 * and is verified for every subscription, so a socket opened with a token that later expires or
 * whose key is revoked cannot start new subscriptions. Refusals are sent as typed GraphQL errors.
 */
export function subscriptionAuthentication(authenticator: Authenticator) {
  return {
    onSubscribe: async (ctx: WsContext<Record<string, unknown> | undefined, unknown>) => {
      const extra = ctx.extra as WsExtra;
      try {
        extra.principal = await authenticator.authenticate(ctx.connectionParams?.authorization);
      } catch (error) {
        if (error instanceof GraphQLError) return [withoutHttp(error)];
        throw error;
      }
      return undefined;
    },
    // graphql-ws bypasses Apollo's formatError: map errors here with the same function, so a
    // refusal in a subscription carries the same `extensions.code` as over HTTP.
    onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
      result.errors ? { ...result, errors: result.errors.map(formatted) } : result,
    onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => errors.map(formatted),
  };
}

function formatted(error: GraphQLError): GraphQLError {
  const shape = formatGraphQLError(error.toJSON(), error);
  return new GraphQLError(shape.message, { path: shape.path, extensions: shape.extensions });
}
