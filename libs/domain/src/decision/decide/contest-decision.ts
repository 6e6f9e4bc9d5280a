import type { ContestDecision } from '../decision.commands.js';
import type { DecisionEvent } from '../decision.events.js';
import { existing } from '../decision.guards.js';
import { decisionError } from '../decision.reasons.js';
import type { DecisionState } from '../decision.state.js';
import { validContest } from '../contest.js';

/** Contesting is open in every status: a revised decision can be contested again. */
export function contestDecision(command: ContestDecision, state: DecisionState): DecisionEvent[] {
  const data = command.data;
  const decision = existing(state, data.decisionId);
  const contest = validContest(data, () =>
    decisionError('CARER_ID_WITHOUT_CARER_ROLE', 'Only a carer is identified by a carer id', {
      field: 'contestedByCarerId',
    }),
  );
  return [
    { type: 'DecisionContested', data: { decisionId: data.decisionId, projectId: decision.projectId, ...contest } },
  ];
}
