import { validated } from '../command-side/validated.js';
import type { Principal } from '#auth';
import { principalOf, type RequestContext } from '../auth/graphql-request.js';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { ConsistencyService } from '#read-models';
import {
  activityById,
  barrierById,
  carerById,
  decisionById,
  evidenceById,
  organisationById,
  organisationsList,
  programmeById,
  programmesList,
  projectById,
  projectsList,
  type ProjectVisibility,
  surveyInstrumentsList,
} from './directory.lists.js';
import { DirectoryLoadersFactory } from './directory.loaders.js';
import { OrganisationFilterInput, ProjectFilterInput, SurveyInstrumentFilterInput } from './filters.js';
import { Activity } from './models/activity.models.js';
import { Carer } from './models/carer.models.js';
import {
  Organisation,
  OrganisationConnection,
  Programme,
  ProgrammeConnection,
  SurveyInstrumentConnection,
} from './models/catalogue.models.js';
import { Decision } from './models/engagement.models.js';
import { Barrier, Evidence } from './models/evidence.models.js';
import { Project, ProjectConnection } from './models/project.models.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, pageRequest } from './pagination.js';

/** The projection every directory query reads. */
export const DIRECTORY = ['directory'] as const;

/**
 * Entry points of the directory. Each waits, when given `atLeastPosition`, until the directory
 * projection has processed that position (read-your-writes), then reads the read models.
 */
/** Admins see every project; everyone else only the projects they are a member of. */
function visibilityOf(principal: Principal): ProjectVisibility | null {
  if (principal.role === 'admin') return null;
  if (principal.role === 'carer') return { carerId: principal.id };
  // A token without an organisation belongs to no project (an impossible id matches nothing).
  return { organisationId: principal.organisationId ?? '' };
}

@Resolver()
export class DirectoryQueriesResolver {
  constructor(
    private readonly consistency: ConsistencyService,
    private readonly loaders: DirectoryLoadersFactory,
  ) {}

  private async ready(atLeastPosition: string | null | undefined, context: object) {
    await this.consistency.atLeast(atLeastPosition, DIRECTORY);
    return this.loaders.for(context);
  }

  @Query(() => Project, { nullable: true, description: 'A project as it stands now; null if unknown.' })
  async project(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.ready(atLeastPosition, context)).one(projectById, id);
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
    const request = pageRequest(
      first,
      after,
      projectsList.name,
      projectsList.order.map((key) => key.type),
    );
    const visibleTo = visibilityOf(principalOf(context as RequestContext));
    return (await this.ready(atLeastPosition, context)).connection(
      projectsList,
      null,
      visibleTo ? { ...filter, visibleTo } : (filter ?? null),
      request,
    );
  }

  @Query(() => Programme, { nullable: true })
  async programme(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.ready(atLeastPosition, context)).one(programmeById, id);
  }

  @Query(() => ProgrammeConnection, { description: 'Programmes, by name.' })
  async programmes(
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    const request = pageRequest(
      first,
      after,
      programmesList.name,
      programmesList.order.map((key) => key.type),
    );
    return (await this.ready(atLeastPosition, context)).connection(programmesList, null, null, request);
  }

  @Query(() => Organisation, { nullable: true })
  async organisation(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.ready(atLeastPosition, context)).one(organisationById, id);
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
    const request = pageRequest(
      first,
      after,
      organisationsList.name,
      organisationsList.order.map((key) => key.type),
    );
    return (await this.ready(atLeastPosition, context)).connection(organisationsList, null, filter ?? null, request);
  }

  @Query(() => SurveyInstrumentConnection, { description: 'Survey and quiz instruments, by name.' })
  async surveyInstruments(
    @Args('filter', { type: () => SurveyInstrumentFilterInput, nullable: true }, validated(SurveyInstrumentFilterInput))
    filter: SurveyInstrumentFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    const list = surveyInstrumentsList;
    const request = pageRequest(
      first,
      after,
      list.name,
      list.order.map((key) => key.type),
    );
    return (await this.ready(atLeastPosition, context)).connection(list, null, filter ?? null, request);
  }

  @Query(() => Carer, { nullable: true, description: 'A carer by id: pseudonym and attributes, never personal data.' })
  async carer(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.ready(atLeastPosition, context)).one(carerById, id);
  }

  @Query(() => Activity, { nullable: true })
  async activity(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.ready(atLeastPosition, context)).one(activityById, id);
  }

  @Query(() => Decision, { nullable: true })
  async decision(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.ready(atLeastPosition, context)).one(decisionById, id);
  }

  @Query(() => Evidence, { nullable: true })
  async evidence(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.ready(atLeastPosition, context)).one(evidenceById, id);
  }

  @Query(() => Barrier, { nullable: true })
  async barrier(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.ready(atLeastPosition, context)).one(barrierById, id);
  }
}
