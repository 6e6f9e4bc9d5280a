import type { DecisionContext } from '../../shared/decider.js';
import type { RemovePartnerMember } from '../partnership.commands.js';
import type { PartnershipEvent } from '../partnership.events.js';
import { formed, requireHappened } from '../partnership.guards.js';
import { partnershipError } from '../partnership.reasons.js';
import type { PartnershipState } from '../partnership.state.js';

export function removePartnerMember(
  command: RemovePartnerMember,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, memberId } = command.data;
  const organisationId = formed(state, projectId).members.get(memberId);
  if (organisationId === undefined) {
    throw partnershipError('MEMBER_NOT_FOUND', `Member ${memberId} is not in the partnership`);
  }
  requireHappened(context);
  return [{ type: 'PartnerMemberRemoved', data: { projectId, organisationId, memberId } }];
}
