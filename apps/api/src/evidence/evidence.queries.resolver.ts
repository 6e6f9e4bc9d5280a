import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { evidenceById, evidenceList, observationsList, observationsOfEvidence } from '#read-models/directory';
import { validated } from '../command-side/validated.js';
import { Project } from '../project/project.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { EvidenceFilterInput, ObservationFilterInput } from './evidence.filters.js';
import { toEvidence, toObservation } from './evidence.mappers.js';
import { Evidence, EvidenceConnection, Observation, ObservationConnection } from './evidence.models.js';

/** Evidence (interviews, workshops, reflexive notes) and the observations coded in it. */
@Resolver(() => Evidence)
export class EvidenceQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @Query(() => Evidence, { nullable: true })
  async evidence(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.loaders.ready(atLeastPosition, context)).one(evidenceById, toEvidence, id);
  }

  @ResolveField(() => [Observation])
  observations(@Parent() evidence: Readonly<Evidence>, @Context() context: object) {
    return this.loaders.for(context).many(observationsOfEvidence, toObservation, evidence.id);
  }
}

@Resolver(() => Observation)
export class ObservationFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Evidence, { nullable: true })
  evidence(@Parent() observation: Readonly<Observation>, @Context() context: object) {
    return this.loaders.for(context).one(evidenceById, toEvidence, observation.evidenceId);
  }
}

/** A project's evidence and coded observations. */
@Resolver(() => Project)
export class ProjectEvidenceResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => EvidenceConnection, { description: 'Interviews, workshops and reflexive notes.' })
  evidence(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => EvidenceFilterInput, nullable: true }, validated(EvidenceFilterInput))
    filter: EvidenceFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(evidenceList, first, after);
    return this.loaders.for(context).connection(evidenceList, toEvidence, project.id, filter ?? null, request);
  }

  @ResolveField(() => ObservationConnection, { description: 'Coded observations of every piece of evidence.' })
  observations(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => ObservationFilterInput, nullable: true }, validated(ObservationFilterInput))
    filter: ObservationFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(observationsList, first, after);
    return this.loaders.for(context).connection(observationsList, toObservation, project.id, filter ?? null, request);
  }
}
