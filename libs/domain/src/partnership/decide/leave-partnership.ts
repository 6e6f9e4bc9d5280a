import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import type { LeavePartnership } from '../partnership.commands.js';
import type { PartnershipEvent } from '../partnership.events.js';
import { formed, requireHappened, requirePartner } from '../partnership.guards.js';
import type { PartnershipState } from '../partnership.state.js';

export function leavePartnership(
  command: LeavePartnership,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, organisationId, reason } = command.data;
  const current = formed(state, projectId);
  requirePartner(current, organisationId);
  requireHappened(context);
  // Its members go with it, each as an explicit removal so member projections need no special case.
  const departingMembers: PartnershipEvent[] = [...current.members]
    .filter(([, memberOrganisation]) => memberOrganisation === organisationId)
    .map(([memberId]) => ({ type: 'PartnerMemberRemoved', data: { projectId, organisationId, memberId } }));
  return [
    ...departingMembers,
    {
      type: 'OrganisationLeftPartnership',
      data: { projectId, organisationId, reason: reason === null ? null : requireText('reason', reason, 1000) },
    },
  ];
}
