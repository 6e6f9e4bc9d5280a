import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import { contestDecision } from './decide/contest-decision.js';
import { reviseDecision } from './decide/revise-decision.js';
import { takeDecision } from './decide/take-decision.js';
import type { DecisionCommand } from './decision.commands.js';
import type { DecisionEvent } from './decision.events.js';
import type { DecisionState } from './decision.state.js';

export type { DecisionState } from './decision.state.js';

export const decisionStreamId = (decisionId: string) => `decision-${decisionId}`;

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'TakeDecision':
        return takeDecision(command, state);
      case 'ContestDecision':
        return contestDecision(command, state);
      case 'ReviseDecision':
        return reviseDecision(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'DecisionTaken':
        return {
          status: 'taken',
          projectId: event.data.projectId,
          description: event.data.description,
          affectsCarers: event.data.affectsCarers,
          carersConsulted: event.data.carersConsulted,
          carerInvolvement: event.data.carerInvolvement,
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
              carerInvolvement: event.data.carerInvolvement,
            };
    }
  },
};
