import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { Principal } from '#auth';
import { authenticationReason } from './authentication.reasons.js';

/** What the GraphQL context holds for every operation, over HTTP and over graphql-ws alike. */
export interface RequestContext {
  readonly principal?: Principal;
  readonly req?: unknown;
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export interface RootOperation {
  readonly field: string;
  readonly args: Record<string, unknown>;
  readonly principal: Principal;
}

/** The root field being resolved, or null for anything that is not a GraphQL root field. */
export function rootOperation(context: ExecutionContext): RootOperation | null {
  if (context.getType<string>() !== 'graphql') return null;
  const gql = GqlExecutionContext.create(context);
  const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
  if (!ROOT_TYPES.has(info.parentType.name)) return null;
  return {
    field: info.fieldName,
    args: gql.getArgs<Record<string, unknown>>(),
    principal: principalOf(gql.getContext<RequestContext>()),
  };
}

export function principalOf(context: RequestContext | undefined): Principal {
  if (!context?.principal)
    throw new GraphQLError('Send a bearer token: Authorization: Bearer <token>', {
      extensions: authenticationReason('TOKEN_MISSING'),
    });
  return context.principal;
}
