import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { committeeGoalsList } from '#read-models/directory';
import { validated } from '../command-side/validated.js';
import { Project } from '../project/project.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { CommitteeGoalFilterInput } from './committee.filters.js';
import { toCommitteeGoal } from './committee.mappers.js';
import { CommitteeGoalConnection } from './committee.models.js';

/** The goals of a project's citizens' committee. */
@Resolver(() => Project)
export class ProjectCommitteeGoalsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => CommitteeGoalConnection, { description: "The citizens' committee's goals." })
  committeeGoals(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => CommitteeGoalFilterInput, nullable: true }, validated(CommitteeGoalFilterInput))
    filter: CommitteeGoalFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(committeeGoalsList, first, after);
    return this.loaders
      .for(context)
      .connection(committeeGoalsList, toCommitteeGoal, project.id, filter ?? null, request);
  }
}
