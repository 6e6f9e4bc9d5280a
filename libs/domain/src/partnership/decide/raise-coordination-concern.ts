import type { DecisionContext } from '../../shared/decider.js';
import { requireOneOf, requireText } from '../../shared/guards.js';
import type { RaiseCoordinationConcern } from '../partnership.commands.js';
import { COORDINATION_CONCERN_CATEGORIES, type PartnershipEvent } from '../partnership.events.js';
import { formed, requireHappened, requirePartner } from '../partnership.guards.js';
import { partnershipError } from '../partnership.reasons.js';
import type { PartnershipState } from '../partnership.state.js';

export function raiseCoordinationConcern(
  command: RaiseCoordinationConcern,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, concernId, raisedByOrganisationId, topic, category } = command.data;
  const current = formed(state, projectId);
  const id = requireText('concernId', concernId, 100);
  if (current.concerns.has(id)) throw partnershipError('CONCERN_ALREADY_RAISED', `Concern ${id} was already raised`);
  requirePartner(current, raisedByOrganisationId);
  requireHappened(context);
  return [
    {
      type: 'CoordinationConcernRaised',
      data: {
        projectId,
        concernId: id,
        raisedByOrganisationId,
        topic: requireText('topic', topic, 1000),
        category: requireOneOf('category', category, COORDINATION_CONCERN_CATEGORIES),
      },
    },
  ];
}
