import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import type { ResolveCoordinationConcern } from '../partnership.commands.js';
import type { PartnershipEvent } from '../partnership.events.js';
import { formed, requireHappened } from '../partnership.guards.js';
import { partnershipError } from '../partnership.reasons.js';
import type { PartnershipState } from '../partnership.state.js';

export function resolveCoordinationConcern(
  command: ResolveCoordinationConcern,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, concernId, resolution } = command.data;
  const concern = formed(state, projectId).concerns.get(concernId);
  if (concern === undefined) throw partnershipError('CONCERN_NOT_FOUND', `Concern ${concernId} was never raised`);
  if (concern === 'resolved') {
    throw partnershipError('CONCERN_ALREADY_RESOLVED', `Concern ${concernId} is already resolved`);
  }
  requireHappened(context);
  return [
    {
      type: 'CoordinationConcernResolved',
      data: { projectId, concernId, resolution: requireText('resolution', resolution, 2000) },
    },
  ];
}
