import { requireText } from '../../shared/guards.js';
import { involvementOf } from '../carer-involvement.js';
import { validDecidedBy } from '../decided-by.js';
import type { TakeDecision } from '../decision.commands.js';
import { DECIDED_BY_ROLES, type DecisionEvent } from '../decision.events.js';
import { decisionError } from '../decision.reasons.js';
import type { DecisionState } from '../decision.state.js';

export function takeDecision(command: TakeDecision, state: DecisionState): DecisionEvent[] {
  const data = command.data;
  if (state.status !== 'unknown') {
    throw decisionError('DECISION_ALREADY_TAKEN', `Decision ${data.decisionId} was already recorded`);
  }
  const { decidedByRole, decidedByOrganisationId } = validDecidedBy(data, DECIDED_BY_ROLES, (message, details) =>
    decisionError('DECIDING_ORGANISATION_REQUIRED', message, details),
  );
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
        carerInvolvement: involvementOf(data.affectsCarers, data.carersConsulted, data.carerInvolvement),
        activityId: data.activityId === null ? null : requireText('activityId', data.activityId, 100),
      },
    },
  ];
}
