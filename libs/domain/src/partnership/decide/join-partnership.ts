import type { DecisionContext } from '../../shared/decider.js';
import { requireOneOf, requireText } from '../../shared/guards.js';
import type { JoinPartnership } from '../partnership.commands.js';
import { PARTNER_ROLES, type PartnershipEvent } from '../partnership.events.js';
import { requireHappened } from '../partnership.guards.js';
import { partnershipError } from '../partnership.reasons.js';
import type { PartnershipState } from '../partnership.state.js';

export function joinPartnership(
  command: JoinPartnership,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, organisationId, partnerRole } = command.data;
  requireHappened(context);
  const id = requireText('organisationId', organisationId, 100);
  if (state.status === 'formed' && state.partners.has(id)) {
    throw partnershipError('ORGANISATION_ALREADY_PARTNER', `Organisation ${id} is already a partner of the project`);
  }
  return [
    {
      type: 'OrganisationJoinedPartnership',
      data: { projectId, organisationId: id, partnerRole: requireOneOf('partnerRole', partnerRole, PARTNER_ROLES) },
    },
  ];
}
