import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound } from '../shared/errors.js';
import { requireNotInFuture, requireOneOf, requireText } from '../shared/guards.js';
import { requirePseudonymousRef } from '../evidence/pseudonym.js';
import type { MakeSuggestion, SuggestionCommand } from './suggestion.commands.js';
import {
  SUGGESTER_ROLES,
  SUGGESTION_DECLINE_REASONS,
  SUGGESTION_TOPICS,
  type SuggesterRole,
  type SuggestionEvent,
} from './suggestion.events.js';

export type SuggestionState =
  | { readonly status: 'unknown' }
  | { readonly status: 'made' | 'adopted' | 'declined' | 'implemented'; readonly projectId: string };

export const suggestionStreamId = (suggestionId: string) => `suggestion-${suggestionId}`;

function existing(state: SuggestionState, suggestionId: string) {
  if (state.status === 'unknown') throw notFound('SUGGESTION_NOT_FOUND', `Suggestion ${suggestionId} does not exist`);
  return state;
}

function awaitingAnswer(state: SuggestionState, suggestionId: string) {
  const suggestion = existing(state, suggestionId);
  if (suggestion.status !== 'made') {
    throw conflict('SUGGESTION_ALREADY_ANSWERED', `Suggestion ${suggestionId} was already ${suggestion.status}`);
  }
  return suggestion;
}

/** A carer is named by carerId, a provider or researcher by organisationId, the committee by neither. */
function suggester(role: SuggesterRole, data: MakeSuggestion['data']) {
  const byCarer = role === 'carer';
  const byOrganisation = role === 'provider' || role === 'researcher';
  if ((data.carerId !== null) !== byCarer) {
    throw invalid('SUGGESTER_MISMATCH', `A ${role} suggestion ${byCarer ? 'needs' : 'takes no'} carerId`, {
      field: 'carerId',
    });
  }
  if ((data.organisationId !== null) !== byOrganisation) {
    throw invalid(
      'SUGGESTER_MISMATCH',
      `A ${role} suggestion ${byOrganisation ? 'needs' : 'takes no'} organisationId`,
      {
        field: 'organisationId',
      },
    );
  }
  return {
    carerId: data.carerId === null ? null : requirePseudonymousRef('carerId', data.carerId),
    organisationId: data.organisationId === null ? null : requireText('organisationId', data.organisationId, 100),
  };
}

const optionalNote = (note: string | null) => (note === null ? null : requireText('note', note, 2000));

export const suggestionDecider: Decider<SuggestionCommand, SuggestionEvent, SuggestionState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    const suggestionId = command.data.suggestionId;
    switch (command.type) {
      case 'MakeSuggestion': {
        const data = command.data;
        if (state.status !== 'unknown') {
          throw conflict('SUGGESTION_ALREADY_MADE', `Suggestion ${suggestionId} was already made`);
        }
        const suggestedByRole = requireOneOf('suggestedByRole', data.suggestedByRole, SUGGESTER_ROLES);
        return [
          {
            type: 'SuggestionMade',
            data: {
              suggestionId,
              projectId: data.projectId,
              suggestedByRole,
              ...suggester(suggestedByRole, data),
              description: requireText('description', data.description, 2000),
              topic: requireOneOf('topic', data.topic, SUGGESTION_TOPICS),
            },
          },
        ];
      }
      case 'AdoptSuggestion': {
        const suggestion = awaitingAnswer(state, suggestionId);
        const decisionId = command.data.decisionId;
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
      case 'DeclineSuggestion': {
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
      case 'ImplementSuggestion': {
        const suggestion = existing(state, suggestionId);
        if (suggestion.status === 'implemented') {
          throw conflict('SUGGESTION_ALREADY_IMPLEMENTED', `Suggestion ${suggestionId} was already implemented`);
        }
        if (suggestion.status !== 'adopted') {
          throw conflict('SUGGESTION_NOT_ADOPTED', `Suggestion ${suggestionId} is ${suggestion.status}, not adopted`);
        }
        return [
          {
            type: 'SuggestionImplemented',
            data: { suggestionId, projectId: suggestion.projectId, note: optionalNote(command.data.note) },
          },
        ];
      }
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
