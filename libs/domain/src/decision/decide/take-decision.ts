import { requireText } from '../../shared/guards.js';
import { involvementOf } from '../carer-involvement.js';
import { validDecidedBy } from '../decided-by.js';
import type { TakeDecision } from '../decision.commands.js';
import { DECIDED_BY_ROLES, MAX_DECISION_ACTIVITIES, type DecisionEvent } from '../decision.events.js';
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
        activityIds: validActivityIds(data.activityIds),
      },
    },
  ];
}

/**
 * The activities as recorded, in the order given: each named once (a duplicate would count the
 * decision twice against one activity, in the warnings and the signals alike), at most
 * MAX_DECISION_ACTIVITIES.
 */
function validActivityIds(activityIds: readonly string[]): string[] {
  if (activityIds.length > MAX_DECISION_ACTIVITIES) {
    throw decisionError('TOO_MANY_ACTIVITIES', `A decision covers at most ${MAX_DECISION_ACTIVITIES} activities`, {
      field: 'activityIds',
      max: MAX_DECISION_ACTIVITIES,
    });
  }
  const ids = activityIds.map((id, i) => requireText(`activityIds[${i}]`, id, 100));
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) {
    throw decisionError('DUPLICATE_ACTIVITY', `Activity ${duplicate} is listed more than once`, {
      field: 'activityIds',
      activityId: duplicate,
    });
  }
  return ids;
}
