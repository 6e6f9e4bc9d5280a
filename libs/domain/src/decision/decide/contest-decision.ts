import { requireOneOf, requireText } from '../../shared/guards.js';
import { requirePseudonymousRef } from '../../evidence/pseudonym.js';
import type { ContestDecision } from '../decision.commands.js';
import { DECISION_CONTESTER_ROLES, type DecisionEvent } from '../decision.events.js';
import { existing } from '../decision.guards.js';
import { decisionError } from '../decision.reasons.js';
import type { DecisionState } from '../decision.state.js';

/** Contesting is open in every status: a revised decision can be contested again. */
export function contestDecision(command: ContestDecision, state: DecisionState): DecisionEvent[] {
  const data = command.data;
  const decision = existing(state, data.decisionId);
  const contestedByRole = requireOneOf('contestedByRole', data.contestedByRole, DECISION_CONTESTER_ROLES);
  if (data.contestedByCarerId !== null && contestedByRole !== 'carer') {
    throw decisionError('CARER_ID_WITHOUT_CARER_ROLE', 'Only a carer is identified by a carer id', {
      field: 'contestedByCarerId',
    });
  }
  return [
    {
      type: 'DecisionContested',
      data: {
        decisionId: data.decisionId,
        projectId: decision.projectId,
        contestedByRole,
        contestedByCarerId:
          data.contestedByCarerId === null
            ? null
            : requirePseudonymousRef('contestedByCarerId', data.contestedByCarerId),
        grounds: requireText('grounds', data.grounds, 2000),
      },
    },
  ];
}
