import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '#event-store';
import { principalOf, type RequestContext } from '../auth/graphql-request.js';

/**
 * The verified caller, as the actor recorded in the metadata of the events a command writes.
 * Only the identity fields are kept: how the caller authenticated does not belong in the log.
 */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const { id, role, organisationId } = principalOf(GqlExecutionContext.create(context).getContext<RequestContext>());
  return organisationId ? { id, role, organisationId } : { id, role };
});
