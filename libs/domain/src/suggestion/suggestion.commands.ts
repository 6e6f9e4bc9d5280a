import type { DomainCommand } from '../shared/decider.js';
import type { SuggesterRole, SuggestionDeclineReason, SuggestionTopic } from './suggestion.events.js';

export type MakeSuggestion = DomainCommand<
  'MakeSuggestion',
  {
    suggestionId: string;
    projectId: string;
    suggestedByRole: SuggesterRole;
    carerId: string | null;
    organisationId: string | null;
    description: string;
    topic: SuggestionTopic;
  }
>;

export type AdoptSuggestion = DomainCommand<
  'AdoptSuggestion',
  { suggestionId: string; note: string; decisionId: string | null }
>;

export type DeclineSuggestion = DomainCommand<
  'DeclineSuggestion',
  { suggestionId: string; reason: SuggestionDeclineReason; note: string }
>;

export type ImplementSuggestion = DomainCommand<'ImplementSuggestion', { suggestionId: string; note: string | null }>;

export type SuggestionCommand = MakeSuggestion | AdoptSuggestion | DeclineSuggestion | ImplementSuggestion;
