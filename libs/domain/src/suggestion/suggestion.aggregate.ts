import type { AggregateDefinition } from '../shared/aggregate.js';
import type { SuggestionCommand } from './suggestion.commands.js';
import { suggestionDecider, suggestionStreamId, type SuggestionState } from './suggestion.decider.js';
import type { SuggestionEvent } from './suggestion.events.js';

export const suggestionAggregate: AggregateDefinition<SuggestionCommand, SuggestionEvent, SuggestionState> = {
  name: 'Suggestion',
  decider: suggestionDecider,
  commandTypes: ['MakeSuggestion', 'AdoptSuggestion', 'DeclineSuggestion', 'ImplementSuggestion'],
  streamId: (command) => suggestionStreamId(command.data.suggestionId),
};
