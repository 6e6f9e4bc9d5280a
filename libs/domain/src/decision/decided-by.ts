import type { DomainError } from '../shared/errors.js';
import { requireOneOf, requireText } from '../shared/guards.js';

/** Roles that are organisations themselves; the committee, the carers and the partnership decide without one. */
const ORGANISATION_ROLES: readonly string[] = ['provider', 'researcher'];

/** Who decided: the same for a decision and for an activity's cancellation, so both count alike. */
export interface DecidedBy<Role extends string> {
  readonly decidedByRole: Role;
  readonly decidedByOrganisationId: string | null;
}

/**
 * Who decided as it is recorded, or the refusal: a provider's or a researcher's decision names its
 * organisation (`organisationRequired` builds the aggregate's own DECIDING_ORGANISATION_REQUIRED).
 */
export function validDecidedBy<Role extends string>(
  data: DecidedBy<Role>,
  roles: readonly Role[],
  organisationRequired: (message: string, details: { field: string }) => DomainError,
): DecidedBy<Role> {
  const decidedByRole = requireOneOf('decidedByRole', data.decidedByRole, roles);
  const decidedByOrganisationId =
    data.decidedByOrganisationId === null
      ? null
      : requireText('decidedByOrganisationId', data.decidedByOrganisationId, 100);
  if (decidedByOrganisationId === null && ORGANISATION_ROLES.includes(decidedByRole)) {
    throw organisationRequired(`A ${decidedByRole} decision names its organisation`, {
      field: 'decidedByOrganisationId',
    });
  }
  return { decidedByRole, decidedByOrganisationId };
}
