import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Principal } from '#auth';
import { accessError } from './access.reasons.js';
import { OPERATION_POLICY, type OperationRule } from './operation-policy.js';
import { ProjectAccess } from './project-access.js';
import { rootOperation } from './graphql-request.js';

type Args = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const nested = (args: Args, key: string): Args =>
  typeof args[key] === 'object' && args[key] !== null ? (args[key] as Args) : {};

/**
 * The one gate in front of every query, mutation and subscription: the caller's role must be
 * allowed by the operation policy, and any project, territory or carer named in the arguments
 * must be one the caller may act on. What the arguments cannot tell (the project of an activity
 * id, of an entity found by id) is checked by the command executor and the result check, with
 * the same ProjectAccess.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly access: ProjectAccess) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const operation = rootOperation(context);
    if (!operation) return true;
    const { field, args, principal } = operation;
    const rule = OPERATION_POLICY[field];
    if (!rule) throw accessError('OPERATION_NOT_ALLOWED', `${field} is not open to any caller`);
    // A migration replays what providers, carers and researchers recorded elsewhere, under the
    // admin who runs it (the import has already refused what it may not replay); which project
    // each command touches is still checked, here and by the executor.
    if (operation.migration && principal.role === 'admin') {
      await this.checkScope(args, principal);
      return true;
    }
    if (!rule.roles.includes(principal.role))
      throw accessError(
        'ROLE_NOT_ALLOWED',
        `${principal.role === 'admin' || principal.role === 'analyst' ? 'An' : 'A'} ${principal.role} may not use ${field}`,
        { operation: field },
      );
    this.checkActsFor(rule, args, principal, field);
    await this.checkCarer(rule, args, principal, field);
    await this.checkScope(args, principal);
    return true;
  }

  private checkActsFor(rule: OperationRule, args: Args, principal: Principal, field: string): void {
    const organisationId = rule.actsFor ? text(rule.actsFor(args)) : null;
    if (organisationId && principal.role !== 'admin' && organisationId !== principal.organisationId)
      throw accessError('NOT_YOUR_ORGANISATION', `${field} may only be done on behalf of your own organisation`, {
        organisationId,
      });
  }

  private async checkCarer(rule: OperationRule, args: Args, principal: Principal, field: string): Promise<void> {
    if (rule.carer === 'self-entry') return this.checkSelfEntry(args, principal, field);
    const carerId = rule.carer ? text(nested(args, 'input').carerId) : null;
    if (!carerId) return;
    if (principal.role === 'carer') {
      if (rule.carer === 'self-or-registrar' && carerId === principal.id) return;
      throw accessError('NOT_YOUR_CARER_RECORD', `A carer may only ${field} for themselves`);
    }
    const registration = await this.access.carerRegistration(carerId);
    // An unknown carer is left to the command to report as NOT_FOUND.
    if (registration && !(await this.access.mayIdentify(principal, carerId, registration.registeredByOrganisationId)))
      throw accessError(
        'NOT_THE_REGISTERING_PROVIDER',
        `Only the provider organisation that registered carer ${carerId} may ${field}`,
        { carerId },
      );
  }

  /** A carer's own answers: under their own id (never anonymous, never another's), with their consent. */
  private async checkSelfEntry(args: Args, principal: Principal, field: string): Promise<void> {
    if (principal.role !== 'carer') return;
    if (text(nested(args, 'input').carerId) !== principal.id)
      throw accessError('NOT_YOUR_CARER_RECORD', `A carer may only ${field} for themselves, under their own id`);
    if (!(await this.access.consentsToProcessing(principal.id)))
      throw accessError(
        'SELF_ENTRY_WITHOUT_CONSENT',
        `A carer enters their own answers only after consenting to the processing of their data`,
      );
  }

  private async checkScope(args: Args, principal: Principal): Promise<void> {
    const input = nested(args, 'input');
    const scope = nested(args, 'scope');
    const projectIds = new Set(
      [args.projectId, input.projectId, scope.projectId].map(text).filter((id): id is string => id !== null),
    );
    for (const projectId of projectIds) await this.access.requireMember(principal, projectId);
    const territoryIds = new Set(
      [args.territoryId, scope.territoryId].map(text).filter((id): id is string => id !== null),
    );
    for (const territoryId of territoryIds) await this.access.requireTerritoryMember(principal, territoryId);
  }
}
