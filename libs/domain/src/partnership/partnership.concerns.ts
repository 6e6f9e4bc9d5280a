import type { DecisionContext } from '../shared/decider.js';
import { conflict, notFound } from '../shared/errors.js';
import { requireOneOf, requireText } from '../shared/guards.js';
import type { RaiseCoordinationConcern, ResolveCoordinationConcern } from './partnership.commands.js';
import { COORDINATION_CONCERN_CATEGORIES, type PartnershipEvent } from './partnership.events.js';
import { requireHappened } from './partnership.guards.js';
import { formed, requirePartner, type PartnershipState } from './partnership.state.js';

export function raiseCoordinationConcern(
  { projectId, concernId, raisedByOrganisationId, topic, category }: RaiseCoordinationConcern['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const current = formed(state, projectId);
  const id = requireText('concernId', concernId, 100);
  if (current.concerns.has(id)) throw conflict('CONCERN_ALREADY_RAISED', `Concern ${id} was already raised`);
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

export function resolveCoordinationConcern(
  { projectId, concernId, resolution }: ResolveCoordinationConcern['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const concern = formed(state, projectId).concerns.get(concernId);
  if (concern === undefined) throw notFound('CONCERN_NOT_FOUND', `Concern ${concernId} was never raised`);
  if (concern === 'resolved') throw conflict('CONCERN_ALREADY_RESOLVED', `Concern ${concernId} is already resolved`);
  requireHappened(context);
  return [
    {
      type: 'CoordinationConcernResolved',
      data: { projectId, concernId, resolution: requireText('resolution', resolution, 2000) },
    },
  ];
}
