import type { DecisionContext } from '../../shared/decider.js';
import { requireOneOf } from '../../shared/guards.js';
import type { AddPartnerMember } from '../partnership.commands.js';
import { PARTNER_MEMBER_ROLES, type PartnershipEvent } from '../partnership.events.js';
import { formed, requireHappened, requirePartner, requirePseudonymousId } from '../partnership.guards.js';
import { partnershipError } from '../partnership.reasons.js';
import type { PartnershipState } from '../partnership.state.js';

export function addPartnerMember(
  command: AddPartnerMember,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, organisationId, memberId, memberRole } = command.data;
  const current = formed(state, projectId);
  requirePartner(current, organisationId);
  requireHappened(context);
  requirePseudonymousId('memberId', memberId);
  if (current.members.has(memberId)) {
    throw partnershipError(
      'MEMBER_ALREADY_IN_PARTNERSHIP',
      `Member ${memberId} already belongs to a partner organisation`,
    );
  }
  return [
    {
      type: 'PartnerMemberAdded',
      data: {
        projectId,
        organisationId,
        memberId,
        memberRole: requireOneOf('memberRole', memberRole, PARTNER_MEMBER_ROLES),
      },
    },
  ];
}
