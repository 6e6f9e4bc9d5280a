import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import { adoptSuggestion } from './decide/adopt-suggestion.js';
import { declineSuggestion } from './decide/decline-suggestion.js';
import { implementSuggestion } from './decide/implement-suggestion.js';
import { makeSuggestion } from './decide/make-suggestion.js';
import type { SuggestionCommand } from './suggestion.commands.js';
import type { SuggestionEvent } from './suggestion.events.js';
import type { SuggestionState } from './suggestion.state.js';

export type { SuggestionState } from './suggestion.state.js';

export const suggestionStreamId = (suggestionId: string) => `suggestion-${suggestionId}`;

export const suggestionDecider: Decider<SuggestionCommand, SuggestionEvent, SuggestionState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'MakeSuggestion':
        return makeSuggestion(command, state);
      case 'AdoptSuggestion':
        return adoptSuggestion(command, state);
      case 'DeclineSuggestion':
        return declineSuggestion(command, state);
      case 'ImplementSuggestion':
        return implementSuggestion(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SuggestionMade':
        return { status: 'made', projectId: event.data.projectId };
      case 'SuggestionAdopted':
        return state.status === 'unknown' ? state : { ...state, status: 'adopted' };
      case 'SuggestionDeclined':
        return state.status === 'unknown' ? state : { ...state, status: 'declined' };
      case 'SuggestionImplemented':
        return state.status === 'unknown' ? state : { ...state, status: 'implemented' };
    }
  },
};
