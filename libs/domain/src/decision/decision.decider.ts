import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound } from '../shared/errors.js';
import { requireNotInFuture, requireOneOf, requireText } from '../shared/guards.js';
import { requirePseudonymousRef } from '../evidence/pseudonym.js';
import type { DecisionCommand } from './decision.commands.js';
import { DECIDED_BY_ROLES, DECISION_CONTESTER_ROLES, type DecisionEvent } from './decision.events.js';

export type DecisionState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'taken' | 'contested' | 'revised';
      readonly projectId: string;
      readonly description: string;
      readonly carersConsulted: boolean;
    };

const ORGANISATION_ROLES: readonly string[] = ['provider', 'researcher'];

export const decisionStreamId = (decisionId: string) => `decision-${decisionId}`;

function existing(state: DecisionState, decisionId: string) {
  if (state.status === 'unknown') throw notFound('DECISION_NOT_FOUND', `Decision ${decisionId} does not exist`);
  return state;
}

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'TakeDecision': {
        const data = command.data;
        if (state.status !== 'unknown') {
          throw conflict('DECISION_ALREADY_TAKEN', `Decision ${data.decisionId} was already recorded`);
        }
        const decidedByRole = requireOneOf('decidedByRole', data.decidedByRole, DECIDED_BY_ROLES);
        const decidedByOrganisationId =
          data.decidedByOrganisationId === null
            ? null
            : requireText('decidedByOrganisationId', data.decidedByOrganisationId, 100);
        if (decidedByOrganisationId === null && ORGANISATION_ROLES.includes(decidedByRole)) {
          throw invalid('DECIDING_ORGANISATION_REQUIRED', `A ${decidedByRole} decision names its organisation`, {
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
      case 'ContestDecision': {
        const data = command.data;
        // Contesting is open in every status: a revised decision can be contested again.
        const decision = existing(state, data.decisionId);
        const contestedByRole = requireOneOf('contestedByRole', data.contestedByRole, DECISION_CONTESTER_ROLES);
        if (data.contestedByCarerId !== null && contestedByRole !== 'carer') {
          throw invalid('CARER_ID_WITHOUT_CARER_ROLE', 'Only a carer is identified by a carer id', {
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
      case 'ReviseDecision': {
        const data = command.data;
        const decision = existing(state, data.decisionId);
        const description = requireText('description', data.description, 2000);
        if (description === decision.description && data.carersConsulted === decision.carersConsulted) {
          throw conflict('DECISION_UNCHANGED', 'A revision must change the decision or how carers were consulted');
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
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'DecisionTaken':
        return {
          status: 'taken',
          projectId: event.data.projectId,
          description: event.data.description,
          carersConsulted: event.data.carersConsulted,
        };
      case 'DecisionContested':
        return state.status === 'unknown' ? state : { ...state, status: 'contested' };
      case 'DecisionRevised':
        return state.status === 'unknown'
          ? state
          : {
              ...state,
              status: 'revised',
              description: event.data.description,
              carersConsulted: event.data.carersConsulted,
            };
    }
  },
};
