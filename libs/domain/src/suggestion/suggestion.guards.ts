import { suggestionError } from './suggestion.reasons.js';
import type { SuggestionState } from './suggestion.state.js';

export function existing(state: SuggestionState, suggestionId: string) {
  if (state.status === 'unknown') {
    throw suggestionError('SUGGESTION_NOT_FOUND', `Suggestion ${suggestionId} does not exist`);
  }
  return state;
}

export function awaitingAnswer(state: SuggestionState, suggestionId: string) {
  const suggestion = existing(state, suggestionId);
  if (suggestion.status !== 'made') {
    throw suggestionError('SUGGESTION_ALREADY_ANSWERED', `Suggestion ${suggestionId} was already ${suggestion.status}`);
  }
  return suggestion;
}
