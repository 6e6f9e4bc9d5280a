import { validated } from '../command-side/validated.js';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  activitiesList,
  barriersList,
  carersList,
  committeeGoalsList,
  coordinationConcernsList,
  coordinationMeetingsList,
  decisionsList,
  evidenceList,
  informationChannelsList,
  membersList,
  observationsList,
  partnersList,
  programmeById,
  suggestionsList,
  territoryByKey,
} from './directory.lists.js';
import { DirectoryLoadersFactory } from './directory.loaders.js';
import type { ListSpec } from './directory.reader.js';
import {
  ActivityFilterInput,
  BarrierFilterInput,
  CarerFilterInput,
  CommitteeGoalFilterInput,
  CoordinationConcernFilterInput,
  CoordinationMeetingFilterInput,
  DecisionFilterInput,
  EvidenceFilterInput,
  InformationChannelFilterInput,
  ObservationFilterInput,
  PartnerFilterInput,
  PartnerMemberFilterInput,
  SuggestionFilterInput,
} from './filters.js';
import { ActivityConnection } from './models/activity.models.js';
import { CarerConnection } from './models/carer.models.js';
import { Programme, Territory } from './models/catalogue.models.js';
import {
  CommitteeGoalConnection,
  DecisionConnection,
  InformationChannelConnection,
  SuggestionConnection,
} from './models/engagement.models.js';
import { BarrierConnection, EvidenceConnection, ObservationConnection } from './models/evidence.models.js';
import {
  CoordinationConcernConnection,
  CoordinationMeetingConnection,
  PartnerConnection,
  PartnerMemberConnection,
} from './models/partnership.models.js';
import { Project } from './models/project.models.js';
import { AFTER_ARG, FIRST_ARG, pageRequest } from './pagination.js';

/** The records of a project, each a cursor connection with its own filter, loaded in batches. */
@Resolver(() => Project)
export class ProjectResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  private list<F, N>(
    context: object,
    spec: ListSpec<F | null, N>,
    project: Project,
    filter: F | null | undefined,
    first: number | null,
    after: string | null,
  ) {
    const request = pageRequest(
      first,
      after,
      spec.name,
      spec.order.map((key) => key.type),
    );
    return this.loaders.for(context).connection(spec, project.id, filter ?? null, request);
  }

  @ResolveField(() => Programme, { nullable: true })
  programme(@Parent() project: Readonly<Project>, @Context() context: object) {
    return project.programmeId === null ? null : this.loaders.for(context).one(programmeById, project.programmeId);
  }

  @ResolveField(() => Territory, {
    nullable: true,
    description: "The project's territory, when the project belongs to a programme that added it.",
  })
  territory(@Parent() project: Readonly<Project>, @Context() context: object) {
    return project.programmeId === null
      ? null
      : this.loaders.for(context).one(territoryByKey, project.programmeId, project.territoryId);
  }

  @ResolveField(() => PartnerConnection, { description: 'The partner organisations, by joining date.' })
  partners(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => PartnerFilterInput, nullable: true }, validated(PartnerFilterInput))
    filter: PartnerFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, partnersList, project, filter, first, after);
  }

  @ResolveField(() => PartnerMemberConnection, { description: 'Members of the partner organisations.' })
  members(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => PartnerMemberFilterInput, nullable: true }, validated(PartnerMemberFilterInput))
    filter: PartnerMemberFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, membersList, project, filter, first, after);
  }

  @ResolveField(() => CarerConnection, { description: 'Carers by pseudonym; never their personal data.' })
  carers(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => CarerFilterInput, nullable: true }, validated(CarerFilterInput))
    filter: CarerFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, carersList, project, filter, first, after);
  }

  @ResolveField(() => ActivityConnection, { description: 'Activities by date.' })
  activities(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => ActivityFilterInput, nullable: true }, validated(ActivityFilterInput))
    filter: ActivityFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, activitiesList, project, filter, first, after);
  }

  @ResolveField(() => DecisionConnection, { description: 'Decisions, in the order they were taken.' })
  decisions(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => DecisionFilterInput, nullable: true }, validated(DecisionFilterInput))
    filter: DecisionFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, decisionsList, project, filter, first, after);
  }

  @ResolveField(() => SuggestionConnection, { description: 'Suggestions, in the order they were made.' })
  suggestions(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => SuggestionFilterInput, nullable: true }, validated(SuggestionFilterInput))
    filter: SuggestionFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, suggestionsList, project, filter, first, after);
  }

  @ResolveField(() => EvidenceConnection, { description: 'Interviews, workshops and reflexive notes.' })
  evidence(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => EvidenceFilterInput, nullable: true }, validated(EvidenceFilterInput))
    filter: EvidenceFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, evidenceList, project, filter, first, after);
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
    return this.list(context, observationsList, project, filter, first, after);
  }

  @ResolveField(() => BarrierConnection, { description: 'Barriers, in the order they were observed.' })
  barriers(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => BarrierFilterInput, nullable: true }, validated(BarrierFilterInput))
    filter: BarrierFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, barriersList, project, filter, first, after);
  }

  @ResolveField(() => CoordinationMeetingConnection, {
    description: 'Coordination meetings between partners, by date.',
  })
  coordinationMeetings(
    @Parent() project: Readonly<Project>,
    @Args(
      'filter',
      { type: () => CoordinationMeetingFilterInput, nullable: true },
      validated(CoordinationMeetingFilterInput),
    )
    filter: CoordinationMeetingFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, coordinationMeetingsList, project, filter, first, after);
  }

  @ResolveField(() => CoordinationConcernConnection, { description: 'Concerns partners raised, in the order raised.' })
  coordinationConcerns(
    @Parent() project: Readonly<Project>,
    @Args(
      'filter',
      { type: () => CoordinationConcernFilterInput, nullable: true },
      validated(CoordinationConcernFilterInput),
    )
    filter: CoordinationConcernFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, coordinationConcernsList, project, filter, first, after);
  }

  @ResolveField(() => CommitteeGoalConnection, { description: "The citizens' committee's goals." })
  committeeGoals(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => CommitteeGoalFilterInput, nullable: true }, validated(CommitteeGoalFilterInput))
    filter: CommitteeGoalFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, committeeGoalsList, project, filter, first, after);
  }

  @ResolveField(() => InformationChannelConnection, { description: 'Information channels of the project.' })
  informationChannels(
    @Parent() project: Readonly<Project>,
    @Args(
      'filter',
      { type: () => InformationChannelFilterInput, nullable: true },
      validated(InformationChannelFilterInput),
    )
    filter: InformationChannelFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    return this.list(context, informationChannelsList, project, filter, first, after);
  }
}
