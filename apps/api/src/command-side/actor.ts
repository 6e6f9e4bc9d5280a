import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { Actor } from '#event-store';

/**
 * Until authentication lands, the acting user comes from a development header:
 *   X-Dev-Actor: <actorId>;<role>;<organisationId>
 * (organisation optional), e.g. `X-Dev-Actor: researcher-7;researcher;org-university`.
 */
export const DEV_ACTOR_HEADER = 'x-dev-actor';

const ROLES = ['carer', 'provider', 'researcher', 'analyst', 'admin'] as const;
const ID = /^[A-Za-z0-9_.:-]{1,100}$/;

export function parseDevActor(header: string | undefined): Actor {
  if (!header) {
    throw new GraphQLError(`Missing ${DEV_ACTOR_HEADER} header (format: <actorId>;<role>;<organisationId>)`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  const [id, role, organisationId] = header.split(';').map((part) => part.trim());
  if (
    !id ||
    !ID.test(id) ||
    !role ||
    !(ROLES as readonly string[]).includes(role) ||
    (organisationId && !ID.test(organisationId))
  ) {
    throw new GraphQLError(
      `Invalid ${DEV_ACTOR_HEADER} header: expected <actorId>;<role>;<organisationId> with role one of ${ROLES.join(', ')}`,
      { extensions: { code: 'UNAUTHENTICATED' } },
    );
  }
  return organisationId ? { id, role, organisationId } : { id, role };
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = GqlExecutionContext.create(context).getContext<{
    req?: { headers: Record<string, string | undefined> };
  }>().req;
  return parseDevActor(request?.headers[DEV_ACTOR_HEADER]);
});
