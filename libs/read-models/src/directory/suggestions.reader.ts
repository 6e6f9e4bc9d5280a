import { conditions, equals } from './directory-filters.js';
import { type DirectoryList } from './directory-query.js';
import { suggestionsTable } from './suggestions.area.js';

export interface SuggestionFilter {
  readonly status?: string | null;
  readonly topic?: string | null;
  readonly suggestedByRole?: string | null;
}

/** A project's suggestions, in the order they were made. */
export const suggestionsList: DirectoryList<SuggestionFilter | null> = {
  name: 'suggestions',
  from: `${suggestionsTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'made_at', type: 'timestamptz' },
    { column: 'suggestion_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      status: equals('status'),
      topic: equals('topic'),
      suggestedByRole: equals('suggested_by_role'),
    }),
};
