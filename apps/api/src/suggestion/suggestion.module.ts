import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { SuggestionResolver } from './suggestion.resolver.js';
import { ProjectSuggestionsResolver, SuggestionQueriesResolver } from './suggestion.queries.resolver.js';

/** GraphQL mutations of the suggestion aggregate, and the queries of suggestions. */
@Module({
  imports: [ReadSideModule],
  providers: [SuggestionResolver, ProjectSuggestionsResolver, SuggestionQueriesResolver],
})
export class SuggestionModule {}
