import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  activitiesList,
  activityById,
  carersOfActivity,
  decisionsOfActivity,
  organisationById,
  quizzesOfActivity,
  representativesOfActivity,
  surveyInstrumentById,
  surveysOfActivity,
} from '#read-models/directory';
import { validated } from '../command-side/validated.js';
import { toDecision } from '../decision/decision.mappers.js';
import { Decision } from '../decision/decision.models.js';
import { toOrganisation } from '../organisation/organisation.mappers.js';
import { Organisation } from '../organisation/organisation.models.js';
import { Project } from '../project/project.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, AT_LEAST_POSITION_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { toSurveyInstrument } from '../survey-instrument/survey-instrument.mappers.js';
import { SurveyInstrument } from '../survey-instrument/survey-instrument.models.js';
import { ActivityFilterInput } from './activity.filters.js';
import {
  toActivity,
  toActivityCarer,
  toQuizSummary,
  toRepresentativeAttendance,
  toSurveySummary,
} from './activity.mappers.js';
import {
  Activity,
  ActivityAttendance,
  ActivityConnection,
  ActivityRegistration,
  CarerAttendance,
  QuizSummary,
  RepresentativeAttendance,
  SurveySummary,
} from './activity.models.js';

/*
 * Fields that follow a link from one record to others go through the request's DataLoaders, so
 * resolving one for many parents costs one statement. Parents are typed `Readonly<...>` so the
 * validation pipe leaves them alone (it validates class-typed parameters).
 */

/** Activities with their attendance and feedback. */
@Resolver(() => Activity)
export class ActivityQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @Query(() => Activity, { nullable: true })
  async activity(
    @Args('id', { type: () => ID }) id: string,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
    @Context() context: object,
  ) {
    return (await this.loaders.ready(atLeastPosition, context)).one(activityById, toActivity, id);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisingOrganisation(@Parent() activity: Readonly<Activity>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, toOrganisation, activity.organisingOrganisationId);
  }

  @ResolveField(() => ActivityAttendance, { description: 'Carers and partner representatives who attended.' })
  attendance(@Parent() activity: Readonly<Activity>): ActivityAttendance {
    return {
      activityId: activity.id,
      carerCount: activity.carersAttended,
      representativeCount: activity.representativesAttended,
    };
  }

  @ResolveField(() => [ActivityRegistration], { description: 'Registrations, current and cancelled.' })
  async registrations(@Parent() activity: Readonly<Activity>, @Context() context: object) {
    const carers = await this.loaders.for(context).many(carersOfActivity, toActivityCarer, activity.id);
    return carers.flatMap((carer) => (carer.registration ? [carer.registration] : []));
  }

  @ResolveField(() => [QuizSummary], { description: 'Understanding quizzes, before and after.' })
  quizzes(@Parent() activity: Readonly<Activity>, @Context() context: object) {
    return this.loaders.for(context).many(quizzesOfActivity, toQuizSummary, activity.id);
  }

  @ResolveField(() => [SurveySummary], { description: 'Satisfaction responses, per instrument.' })
  surveys(@Parent() activity: Readonly<Activity>, @Context() context: object) {
    return this.loaders.for(context).many(surveysOfActivity, toSurveySummary, activity.id);
  }

  @ResolveField(() => [Decision], { description: 'Decisions about this activity.' })
  decisions(@Parent() activity: Readonly<Activity>, @Context() context: object) {
    return this.loaders.for(context).many(decisionsOfActivity, toDecision, activity.id);
  }
}

@Resolver(() => ActivityAttendance)
export class ActivityAttendanceFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => [CarerAttendance])
  async carers(@Parent() attendance: Readonly<ActivityAttendance>, @Context() context: object) {
    const carers = await this.loaders.for(context).many(carersOfActivity, toActivityCarer, attendance.activityId);
    return carers.flatMap((carer) => (carer.attendance ? [carer.attendance] : []));
  }

  @ResolveField(() => [RepresentativeAttendance])
  representatives(@Parent() attendance: Readonly<ActivityAttendance>, @Context() context: object) {
    return this.loaders.for(context).many(representativesOfActivity, toRepresentativeAttendance, attendance.activityId);
  }
}

@Resolver(() => SurveySummary)
export class SurveySummaryFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => SurveyInstrument, { nullable: true })
  instrument(@Parent() survey: Readonly<SurveySummary>, @Context() context: object) {
    return this.loaders.for(context).one(surveyInstrumentById, toSurveyInstrument, survey.instrumentId);
  }
}

/** A project's activities. */
@Resolver(() => Project)
export class ProjectActivitiesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => ActivityConnection, { description: 'Activities by date.' })
  activities(
    @Parent() project: Readonly<Project>,
    @Args('filter', { type: () => ActivityFilterInput, nullable: true }, validated(ActivityFilterInput))
    filter: ActivityFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(activitiesList, first, after);
    return this.loaders.for(context).connection(activitiesList, toActivity, project.id, filter ?? null, request);
  }
}
