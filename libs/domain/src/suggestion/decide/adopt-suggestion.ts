import { requireText } from '../../shared/guards.js';
import type { AdoptSuggestion } from '../suggestion.commands.js';
import type { SuggestionEvent } from '../suggestion.events.js';
import { awaitingAnswer } from '../suggestion.guards.js';
import type { SuggestionState } from '../suggestion.state.js';

export function adoptSuggestion(command: AdoptSuggestion, state: SuggestionState): SuggestionEvent[] {
  const { suggestionId, decisionId } = command.data;
  const suggestion = awaitingAnswer(state, suggestionId);
  return [
    {
      type: 'SuggestionAdopted',
      data: {
        suggestionId,
        projectId: suggestion.projectId,
        note: requireText('note', command.data.note, 2000),
        decisionId: decisionId === null ? null : requireText('decisionId', decisionId, 100),
      },
    },
  ];
}
