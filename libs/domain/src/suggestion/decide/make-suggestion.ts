import { requireOneOf, requireText } from '../../shared/guards.js';
import { requirePseudonymousRef } from '../../evidence/pseudonym.js';
import type { MakeSuggestion } from '../suggestion.commands.js';
import { SUGGESTER_ROLES, SUGGESTION_TOPICS, type SuggesterRole, type SuggestionEvent } from '../suggestion.events.js';
import { suggestionError } from '../suggestion.reasons.js';
import type { SuggestionState } from '../suggestion.state.js';

/** A carer is named by carerId, a provider or researcher by organisationId, the committee by neither. */
function suggester(role: SuggesterRole, data: MakeSuggestion['data']) {
  const byCarer = role === 'carer';
  const byOrganisation = role === 'provider' || role === 'researcher';
  if ((data.carerId !== null) !== byCarer) {
    throw suggestionError('SUGGESTER_MISMATCH', `A ${role} suggestion ${byCarer ? 'needs' : 'takes no'} carerId`, {
      field: 'carerId',
    });
  }
  if ((data.organisationId !== null) !== byOrganisation) {
    throw suggestionError(
      'SUGGESTER_MISMATCH',
      `A ${role} suggestion ${byOrganisation ? 'needs' : 'takes no'} organisationId`,
      { field: 'organisationId' },
    );
  }
  return {
    carerId: data.carerId === null ? null : requirePseudonymousRef('carerId', data.carerId),
    organisationId: data.organisationId === null ? null : requireText('organisationId', data.organisationId, 100),
  };
}

export function makeSuggestion(command: MakeSuggestion, state: SuggestionState): SuggestionEvent[] {
  const data = command.data;
  const suggestionId = data.suggestionId;
  if (state.status !== 'unknown') {
    throw suggestionError('SUGGESTION_ALREADY_MADE', `Suggestion ${suggestionId} was already made`);
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
