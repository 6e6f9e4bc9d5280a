import type { DomainCommand } from '../shared/decider.js';
import type { SuggestionDeclineReason, SuggestionProposal } from './suggestion.events.js';

export type MakeSuggestion = DomainCommand<'MakeSuggestion', SuggestionProposal>;

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
