import { requireOneOf, requireText } from '../../shared/guards.js';
import type { TakeDecision } from '../decision.commands.js';
import { DECIDED_BY_ROLES, type DecisionEvent } from '../decision.events.js';
import { decisionError } from '../decision.reasons.js';
import type { DecisionState } from '../decision.state.js';

const ORGANISATION_ROLES: readonly string[] = ['provider', 'researcher'];

export function takeDecision(command: TakeDecision, state: DecisionState): DecisionEvent[] {
  const data = command.data;
  if (state.status !== 'unknown') {
    throw decisionError('DECISION_ALREADY_TAKEN', `Decision ${data.decisionId} was already recorded`);
  }
  const decidedByRole = requireOneOf('decidedByRole', data.decidedByRole, DECIDED_BY_ROLES);
  const decidedByOrganisationId =
    data.decidedByOrganisationId === null
      ? null
      : requireText('decidedByOrganisationId', data.decidedByOrganisationId, 100);
  if (decidedByOrganisationId === null && ORGANISATION_ROLES.includes(decidedByRole)) {
    throw decisionError('DECIDING_ORGANISATION_REQUIRED', `A ${decidedByRole} decision names its organisation`, {
      field: 'decidedByOrganisationId',
    });
  }
  return [
    {
      type: 'DecisionTaken',
      data: {
        decisionId: data.decisionId,
        projectId: data.projectId,
        description: requireText('description', data.description, 2000),
        decidedByOrganisationId,
        decidedByRole,
        affectsCarers: data.affectsCarers,
        carersConsulted: data.carersConsulted,
        activityId: data.activityId === null ? null : requireText('activityId', data.activityId, 100),
      },
    },
  ];
}
