import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import type { ClarifyPartnerRoles } from '../partnership.commands.js';
import type { PartnershipEvent } from '../partnership.events.js';
import { formed, requireDistinct, requireHappened, requireListSize, requirePartner } from '../partnership.guards.js';
import type { PartnershipState } from '../partnership.state.js';

export function clarifyPartnerRoles(
  command: ClarifyPartnerRoles,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, organisationId, responsibilities } = command.data;
  requirePartner(formed(state, projectId), organisationId);
  requireHappened(context);
  requireListSize('responsibilities', responsibilities, 1, 30);
  const trimmed = responsibilities.map((responsibility, index) =>
    requireText(`responsibilities[${index}]`, responsibility, 300),
  );
  requireDistinct('responsibilities', trimmed);
  return [{ type: 'PartnerRolesClarified', data: { projectId, organisationId, responsibilities: trimmed } }];
}
