import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import type { RecordUnclearPartnerRoles } from '../partnership.commands.js';
import type { PartnershipEvent } from '../partnership.events.js';
import { formed, requireHappened, requirePartner } from '../partnership.guards.js';
import type { PartnershipState } from '../partnership.state.js';

export function recordUnclearPartnerRoles(
  command: RecordUnclearPartnerRoles,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, organisationId, note } = command.data;
  requirePartner(formed(state, projectId), organisationId);
  requireHappened(context);
  return [
    { type: 'PartnerRolesFoundUnclear', data: { projectId, organisationId, note: requireText('note', note, 2000) } },
  ];
}
