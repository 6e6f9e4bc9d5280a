import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

export const SUGGESTER_ROLES = ['carer', 'provider', 'researcher', 'committee'] as const;
export type SuggesterRole = (typeof SUGGESTER_ROLES)[number];

/** What a suggestion is about, so uptake can be compared across the parts of the service. */
export const SUGGESTION_TOPICS = [
  'training',
  'peer_meetings',
  'committee',
  'information',
  'scheduling',
  'respite_care',
  'partnership',
  'other',
] as const;
export type SuggestionTopic = (typeof SUGGESTION_TOPICS)[number];

export const SUGGESTION_DECLINE_REASONS = [
  'not_feasible_budget',
  'not_feasible_rules',
  'out_of_scope',
  'duplicate',
  'other',
] as const;
export type SuggestionDeclineReason = (typeof SUGGESTION_DECLINE_REASONS)[number];

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
/** A carer suggests with `carerId`, a provider or researcher with `organisationId`, the committee as a body with neither. */
export type SuggestionProposal = {
  suggestionId: string;
  projectId: string;
  suggestedByRole: SuggesterRole;
  carerId: string | null;
  organisationId: string | null;
  description: string;
  topic: SuggestionTopic;
};

export type SuggestionMade = DomainEvent<'SuggestionMade', SuggestionProposal>;

export type SuggestionAdopted = DomainEvent<
  'SuggestionAdopted',
  { suggestionId: string; projectId: string; note: string; decisionId: string | null }
>;

export type SuggestionDeclined = DomainEvent<
  'SuggestionDeclined',
  { suggestionId: string; projectId: string; reason: SuggestionDeclineReason; note: string }
>;

export type SuggestionImplemented = DomainEvent<
  'SuggestionImplemented',
  { suggestionId: string; projectId: string; note: string | null }
>;

export type SuggestionEvent = SuggestionMade | SuggestionAdopted | SuggestionDeclined | SuggestionImplemented;

/** Every type of SuggestionEvent, at runtime (the compiler keeps it complete). */
export const SUGGESTION_EVENT_TYPES = eventTypesOf<SuggestionEvent>({
  SuggestionMade: true,
  SuggestionAdopted: true,
  SuggestionDeclined: true,
  SuggestionImplemented: true,
});
