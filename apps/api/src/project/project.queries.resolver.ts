import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '#auth';
import {
  programmeById,
  projectById,
  projectsList,
  type ProjectVisibility,
  territoryByKey,
} from '#read-models/directory';
import { principalOf, type RequestContext } from '../auth/graphql-request.js';
import { validated } from '../command-side/validated.js';
import { toProgramme, toTerritory } from '../programme/programme.mappers.js';
import { Programme, Territory } from '../programme/programme.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { ProjectFilterInput } from './project.filters.js';
import { toProject } from './project.mappers.js';
import { Project, ProjectConnection } from './project.models.js';

/** Admins see every project; everyone else only the projects they are a member of. */
function visibilityOf(principal: Principal): ProjectVisibility | null {
  if (principal.role === 'admin') return null;
  if (principal.role === 'carer') return { carerId: principal.id };
  // A token without an organisation belongs to no project (an impossible id matches nothing).
  return { organisationId: principal.organisationId ?? '' };
}

/**
 * Projects as they stand now, and the links of a project to its programme and territory. A
 * project's records (`Project.activities`, `Project.carers`...) are resolved in each record's own
 * feature folder, beside the filter and list they use.
 */
@Resolver(() => Project)
export class ProjectQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @Query(() => Project, { nullable: true, description: 'A project as it stands now; null if unknown.' })
  async project(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.loaders.ready(atLeastPosition, context)).one(projectById, toProject, id);
  }

  @Query(() => ProjectConnection, { description: 'Projects, by name.' })
  async projects(
    @Args('filter', { type: () => ProjectFilterInput, nullable: true }, validated(ProjectFilterInput))
    filter: ProjectFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(projectsList, first, after);
    const visibleTo = visibilityOf(principalOf(context as RequestContext));
    return (await this.loaders.ready(atLeastPosition, context)).connection(
      projectsList,
      toProject,
      null,
      visibleTo ? { ...filter, visibleTo } : (filter ?? null),
      request,
    );
  }

  @ResolveField(() => Programme, { nullable: true })
  programme(@Parent() project: Readonly<Project>, @Context() context: object) {
    return project.programmeId === null
      ? null
      : this.loaders.for(context).one(programmeById, toProgramme, project.programmeId);
  }

  @ResolveField(() => Territory, {
    nullable: true,
    description: "The project's territory, when the project belongs to a programme that added it.",
  })
  territory(@Parent() project: Readonly<Project>, @Context() context: object) {
    return project.programmeId === null
      ? null
      : this.loaders.for(context).one(territoryByKey, toTerritory, project.programmeId, project.territoryId);
  }
}
