import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { actionsOfBarrier, barrierById, barriersList, organisationById } from '#read-models/directory';
import { validated } from '../command-side/validated.js';
import { toOrganisation } from '../organisation/organisation.mappers.js';
import { Organisation } from '../organisation/organisation.models.js';
import { Project } from '../project/project.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { BarrierFilterInput } from './barrier.filters.js';
import { toAdjustmentAction, toBarrier } from './barrier.mappers.js';
import { AdjustmentAction, Barrier, BarrierConnection } from './barrier.models.js';

/** Barriers to co-production and the adjustment actions taken against them. */
@Resolver(() => Barrier)
export class BarrierQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @Query(() => Barrier, { nullable: true })
  async barrier(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.loaders.ready(atLeastPosition, context)).one(barrierById, toBarrier, id);
  }

  @ResolveField(() => [AdjustmentAction], { description: 'Adjustment actions, oldest first.' })
  actions(@Parent() barrier: Readonly<Barrier>, @Context() context: object) {
    return this.loaders.for(context).many(actionsOfBarrier, toAdjustmentAction, barrier.id);
  }
}

@Resolver(() => AdjustmentAction)
export class AdjustmentActionFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Organisation, { nullable: true })
  takenByOrganisation(@Parent() action: Readonly<AdjustmentAction>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, toOrganisation, action.takenByOrganisationId);
  }
}

/** A project's barriers. */
@Resolver(() => Project)
export class ProjectBarriersResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => BarrierConnection, { description: 'Barriers, in the order they were observed.' })
  barriers(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => BarrierFilterInput, nullable: true }, validated(BarrierFilterInput))
    filter: BarrierFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(barriersList, first, after);
    return this.loaders.for(context).connection(barriersList, toBarrier, project.id, filter ?? null, request);
  }
}
