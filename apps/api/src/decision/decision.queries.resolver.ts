import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { activityById, decisionById, decisionsList } from '#read-models/directory';
import { toActivity } from '../activity/activity.mappers.js';
import { Activity } from '../activity/activity.models.js';
import { validated } from '../command-side/validated.js';
import { Project } from '../project/project.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { DecisionFilterInput } from './decision.filters.js';
import { toDecision } from './decision.mappers.js';
import { Decision, DecisionConnection } from './decision.models.js';

/** Decisions taken in a project, and how they were received. */
@Resolver(() => Decision)
export class DecisionQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @Query(() => Decision, { nullable: true })
  async decision(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.loaders.ready(atLeastPosition, context)).one(decisionById, toDecision, id);
  }

  @ResolveField(() => Activity, {
    nullable: true,
    description: 'The first activity the decision covers, or null.',
    deprecationReason: 'Use activities: a decision may cover several activities.',
  })
  activity(@Parent() decision: Readonly<Decision>, @Context() context: object) {
    return decision.activityId === null
      ? null
      : this.loaders.for(context).one(activityById, toActivity, decision.activityId);
  }

  @ResolveField(() => [Activity], {
    description:
      'The activities the decision covers, in the order given (one not recorded in the directory is left out).',
  })
  async activities(@Parent() decision: Readonly<Decision>, @Context() context: object) {
    const loaders = this.loaders.for(context);
    const activities = await Promise.all(decision.activityIds.map((id) => loaders.one(activityById, toActivity, id)));
    return activities.filter((activity) => activity !== null);
  }
}

/** A project's decisions. */
@Resolver(() => Project)
export class ProjectDecisionsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => DecisionConnection, { description: 'Decisions, in the order they were taken.' })
  decisions(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => DecisionFilterInput, nullable: true }, validated(DecisionFilterInput))
    filter: DecisionFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(decisionsList, first, after);
    return this.loaders.for(context).connection(decisionsList, toDecision, project.id, filter ?? null, request);
  }
}
