import { requireText } from '../../shared/guards.js';
import type { ImplementSuggestion } from '../suggestion.commands.js';
import type { SuggestionEvent } from '../suggestion.events.js';
import { existing } from '../suggestion.guards.js';
import { suggestionError } from '../suggestion.reasons.js';
import type { SuggestionState } from '../suggestion.state.js';

const optionalNote = (note: string | null) => (note === null ? null : requireText('note', note, 2000));

export function implementSuggestion(command: ImplementSuggestion, state: SuggestionState): SuggestionEvent[] {
  const suggestionId = command.data.suggestionId;
  const suggestion = existing(state, suggestionId);
  if (suggestion.status === 'implemented') {
    throw suggestionError('SUGGESTION_ALREADY_IMPLEMENTED', `Suggestion ${suggestionId} was already implemented`);
  }
  if (suggestion.status !== 'adopted') {
    throw suggestionError('SUGGESTION_NOT_ADOPTED', `Suggestion ${suggestionId} is ${suggestion.status}, not adopted`);
  }
  return [
    {
      type: 'SuggestionImplemented',
      data: { suggestionId, projectId: suggestion.projectId, note: optionalNote(command.data.note) },
    },
  ];
}
