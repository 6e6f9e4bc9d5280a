import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { Principal } from '#auth';
import { authenticationReason } from './authentication.reasons.js';

/** What the GraphQL context holds for every operation, over HTTP and over graphql-ws alike. */
export interface RequestContext {
  readonly principal?: Principal;
  readonly req?: unknown;
  /**
   * Set only by an admin's migration (an import with keepKnownSince): it replays history recorded
   * elsewhere, so the access guard lets it run every importable command, whoever ran it there.
   */
  readonly migration?: boolean;
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export interface RootOperation {
  readonly field: string;
  readonly args: Record<string, unknown>;
  readonly principal: Principal;
  /** An admin's migration is running the operation (RequestContext.migration). */
  readonly migration: boolean;
}

/** The root field being resolved, or null for anything that is not a GraphQL root field. */
export function rootOperation(context: ExecutionContext): RootOperation | null {
  if (context.getType<string>() !== 'graphql') return null;
  const gql = GqlExecutionContext.create(context);
  const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
  if (!ROOT_TYPES.has(info.parentType.name)) return null;
  const requestContext = gql.getContext<RequestContext>();
  return {
    field: info.fieldName,
    args: gql.getArgs<Record<string, unknown>>(),
    principal: principalOf(requestContext),
    migration: requestContext?.migration === true,
  };
}

export function principalOf(context: RequestContext | undefined): Principal {
  if (!context?.principal)
    throw new GraphQLError('Send a bearer token: Authorization: Bearer <token>', {
      extensions: authenticationReason('TOKEN_MISSING'),
    });
  return context.principal;
}
