import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { carerById, carersList, invitationsOfCarer } from '#read-models/directory';
import { validated } from '../command-side/validated.js';
import { Project } from '../project/project.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { CarerFilterInput } from './carer.filters.js';
import { toCarer, toCarerInvitation } from './carer.mappers.js';
import { Carer, CarerConnection, CarerInvitation } from './carer.models.js';

/** Carers by pseudonym and non-identifying attributes; their personal data is CarerIdentityResolver's. */
@Resolver(() => Carer)
export class CarerQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @Query(() => Carer, { nullable: true, description: 'A carer by id: pseudonym and attributes, never personal data.' })
  async carer(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.loaders.ready(atLeastPosition, context)).one(carerById, toCarer, id);
  }

  @ResolveField(() => [CarerInvitation], { description: 'Every invitation, oldest first.' })
  invitations(@Parent() carer: Readonly<Carer>, @Context() context: object) {
    return this.loaders.for(context).many(invitationsOfCarer, toCarerInvitation, carer.id);
  }
}

/** A project's carers. */
@Resolver(() => Project)
export class ProjectCarersResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => CarerConnection, { description: 'Carers by pseudonym; never their personal data.' })
  carers(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => CarerFilterInput, nullable: true }, validated(CarerFilterInput))
    filter: CarerFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(carersList, first, after);
    return this.loaders.for(context).connection(carersList, toCarer, project.id, filter ?? null, request);
  }
}
