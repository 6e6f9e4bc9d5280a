import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { programmeById, programmesList, territoriesOfProgramme } from '#read-models/directory';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { toProgramme, toTerritory } from './programme.mappers.js';
import { Programme, ProgrammeConnection, Territory } from './programme.models.js';

/** Programmes and their territories. */
@Resolver(() => Programme)
export class ProgrammeQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @Query(() => Programme, { nullable: true })
  async programme(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.loaders.ready(atLeastPosition, context)).one(programmeById, toProgramme, id);
  }

  @Query(() => ProgrammeConnection, { description: 'Programmes, by name.' })
  async programmes(
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(programmesList, first, after);
    return (await this.loaders.ready(atLeastPosition, context)).connection(
      programmesList,
      toProgramme,
      null,
      null,
      request,
    );
  }

  @ResolveField(() => [Territory])
  territories(@Parent() programme: Readonly<Programme>, @Context() context: object) {
    return this.loaders.for(context).many(territoriesOfProgramme, toTerritory, programme.id);
  }
}
