import { requireText } from '../../shared/guards.js';
import type { ReviseDecision } from '../decision.commands.js';
import type { DecisionEvent } from '../decision.events.js';
import { existing } from '../decision.guards.js';
import { decisionError } from '../decision.reasons.js';
import type { DecisionState } from '../decision.state.js';

export function reviseDecision(command: ReviseDecision, state: DecisionState): DecisionEvent[] {
  const data = command.data;
  const decision = existing(state, data.decisionId);
  const description = requireText('description', data.description, 2000);
  if (description === decision.description && data.carersConsulted === decision.carersConsulted) {
    throw decisionError('DECISION_UNCHANGED', 'A revision must change the decision or how carers were consulted');
  }
  return [
    {
      type: 'DecisionRevised',
      data: {
        decisionId: data.decisionId,
        projectId: decision.projectId,
        description,
        carersConsulted: data.carersConsulted,
        reason: requireText('reason', data.reason, 2000),
      },
    },
  ];
}
