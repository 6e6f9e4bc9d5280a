import { GraphQLError } from 'graphql';
import type { Principal } from '#auth';
import { ID_PATTERN, idMessage } from '#domain';
import { accessError } from '../auth/access.reasons.js';
import { OPERATION_POLICY } from '../auth/operation-policy.js';
import type { ProjectAccess } from '../auth/project-access.js';
import { requestReason } from '../command-side/request.reasons.js';
import type { ExportScope } from './dataset.js';

/**
 * The checks the access guard makes before a GraphQL query, made before an export: the operation
 * policy's row for the query the data comes from (same refusal, ROLE_NOT_ALLOWED naming that
 * operation), then membership of the project or of every project of the territory.
 */
export async function requireExportAccess(
  access: ProjectAccess,
  principal: Principal,
  operation: string,
  scope: ExportScope,
): Promise<void> {
  const rule = OPERATION_POLICY[operation];
  if (!rule) throw accessError('OPERATION_NOT_ALLOWED', `${operation} is not open to any caller`);
  if (!rule.roles.includes(principal.role))
    throw accessError(
      'ROLE_NOT_ALLOWED',
      `${principal.role === 'admin' || principal.role === 'analyst' ? 'An' : 'A'} ${principal.role} may not use ${operation}`,
      { operation },
    );
  if ('projectId' in scope) await access.requireMember(principal, scope.projectId);
  else await access.requireTerritoryMember(principal, scope.territoryId);
}

/** Ids in the URL are checked like the GraphQL inputs' ids (VALIDATION_FAILED). */
export function requireIdFormat(field: string, id: string): void {
  if (!ID_PATTERN.test(id)) {
    const message = idMessage(field);
    throw new GraphQLError(message, { extensions: { ...requestReason('VALIDATION_FAILED'), fields: [message] } });
  }
}
