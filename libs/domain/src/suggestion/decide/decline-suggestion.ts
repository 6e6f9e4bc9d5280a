import { requireOneOf, requireText } from '../../shared/guards.js';
import type { DeclineSuggestion } from '../suggestion.commands.js';
import { SUGGESTION_DECLINE_REASONS, type SuggestionEvent } from '../suggestion.events.js';
import { awaitingAnswer } from '../suggestion.guards.js';
import type { SuggestionState } from '../suggestion.state.js';

export function declineSuggestion(command: DeclineSuggestion, state: SuggestionState): SuggestionEvent[] {
  const suggestionId = command.data.suggestionId;
  const suggestion = awaitingAnswer(state, suggestionId);
  return [
    {
      type: 'SuggestionDeclined',
      data: {
        suggestionId,
        projectId: suggestion.projectId,
        reason: requireOneOf('reason', command.data.reason, SUGGESTION_DECLINE_REASONS),
        note: requireText('note', command.data.note, 2000),
      },
    },
  ];
}
