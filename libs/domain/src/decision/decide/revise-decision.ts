import { requireText } from '../../shared/guards.js';
import { involvementOf, type CarerInvolvement } from '../carer-involvement.js';
import type { ReviseDecision } from '../decision.commands.js';
import type { DecisionEvent } from '../decision.events.js';
import { existing } from '../decision.guards.js';
import { decisionError } from '../decision.reasons.js';
import type { DecisionState } from '../decision.state.js';

export function reviseDecision(command: ReviseDecision, state: DecisionState): DecisionEvent[] {
  const data = command.data;
  const decision = existing(state, data.decisionId);
  const description = requireText('description', data.description, 2000);
  const carerInvolvement = involvementOf(
    decision.affectsCarers,
    data.carersConsulted,
    data.carerInvolvement ?? keptLevel(decision.carerInvolvement, data.carersConsulted),
  );
  if (
    description === decision.description &&
    data.carersConsulted === decision.carersConsulted &&
    carerInvolvement === decision.carerInvolvement
  ) {
    throw decisionError(
      'DECISION_UNCHANGED',
      'A revision must change the decision, whether carers were consulted or how they took part',
    );
  }
  return [
    {
      type: 'DecisionRevised',
      data: {
        decisionId: data.decisionId,
        projectId: decision.projectId,
        description,
        carersConsulted: data.carersConsulted,
        carerInvolvement,
        reason: requireText('reason', data.reason, 2000),
      },
    },
  ];
}

/** The level before, while it still agrees with the revised consultation (else the least implied). */
function keptLevel(before: CarerInvolvement | null, carersConsulted: boolean): CarerInvolvement | null {
  if (before === null) return null;
  return (before === 'informed') === carersConsulted ? null : before;
}
