import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { organisationById, organisationsList } from '#read-models/directory';
import { validated } from '../command-side/validated.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { OrganisationFilterInput } from './organisation.filters.js';
import { toOrganisation } from './organisation.mappers.js';
import { Organisation, OrganisationConnection } from './organisation.models.js';

/** Organisations that may join partnerships. */
@Resolver(() => Organisation)
export class OrganisationQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @Query(() => Organisation, { nullable: true })
  async organisation(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.loaders.ready(atLeastPosition, context)).one(organisationById, toOrganisation, id);
  }

  @Query(() => OrganisationConnection, { description: 'Organisations, by name.' })
  async organisations(
    @Args('filter', { type: () => OrganisationFilterInput, nullable: true }, validated(OrganisationFilterInput))
    filter: OrganisationFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(organisationsList, first, after);
    return (await this.loaders.ready(atLeastPosition, context)).connection(
      organisationsList,
      toOrganisation,
      null,
      filter ?? null,
      request,
    );
  }
}
