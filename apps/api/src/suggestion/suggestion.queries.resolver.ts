import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { carerById, suggestionsList } from '#read-models/directory';
import { toCarer } from '../carer/carer.mappers.js';
import { Carer } from '../carer/carer.models.js';
import { validated } from '../command-side/validated.js';
import { Project } from '../project/project.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { SuggestionFilterInput } from './suggestion.filters.js';
import { toSuggestion } from './suggestion.mappers.js';
import { Suggestion, SuggestionConnection } from './suggestion.models.js';

/** Suggestions for the service and what became of them. */
@Resolver(() => Suggestion)
export class SuggestionQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Carer, { nullable: true, description: 'The carer who made it, by pseudonym.' })
  carer(@Parent() suggestion: Readonly<Suggestion>, @Context() context: object) {
    return suggestion.carerId === null ? null : this.loaders.for(context).one(carerById, toCarer, suggestion.carerId);
  }
}

/** A project's suggestions. */
@Resolver(() => Project)
export class ProjectSuggestionsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => SuggestionConnection, { description: 'Suggestions, in the order they were made.' })
  suggestions(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => SuggestionFilterInput, nullable: true }, validated(SuggestionFilterInput))
    filter: SuggestionFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(suggestionsList, first, after);
    return this.loaders.for(context).connection(suggestionsList, toSuggestion, project.id, filter ?? null, request);
  }
}
