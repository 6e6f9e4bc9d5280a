import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  actionsOfBarrier,
  activityById,
  carerById,
  carersOfActivity,
  decisionsOfActivity,
  evidenceById,
  invitationsOfCarer,
  membersOfPartner,
  observationsOfEvidence,
  organisationById,
  quizzesOfActivity,
  readingsOfChannel,
  representativesOfActivity,
  surveyInstrumentById,
  surveysOfActivity,
  territoriesOfProgramme,
} from './directory.lists.js';
import { DirectoryLoadersFactory } from './directory.loaders.js';
import {
  Activity,
  ActivityAttendance,
  ActivityRegistration,
  CarerAttendance,
  QuizSummary,
  RepresentativeAttendance,
  SurveySummary,
} from './models/activity.models.js';
import { Carer, CarerInvitation } from './models/carer.models.js';
import { Organisation, Programme, SurveyInstrument, Territory } from './models/catalogue.models.js';
import {
  ChannelCounters,
  ChannelReading,
  Decision,
  InformationChannel,
  Suggestion,
} from './models/engagement.models.js';
import { AdjustmentAction, Barrier, Evidence, Observation } from './models/evidence.models.js';
import { CoordinationConcern, Partner, PartnerMember } from './models/partnership.models.js';

/*
 * Fields that follow a link from one record to others. Each goes through the request's
 * DataLoaders, so resolving it for many parents costs one statement. Parents are typed
 * `Readonly<...>` so the validation pipe leaves them alone (it validates class-typed parameters).
 */

@Resolver(() => Programme)
export class ProgrammeFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => [Territory])
  territories(@Parent() programme: Readonly<Programme>, @Context() context: object) {
    return this.loaders.for(context).many(territoriesOfProgramme, programme.id);
  }
}

@Resolver(() => Partner)
export class PartnerFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() partner: Readonly<Partner>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, partner.organisationId);
  }

  @ResolveField(() => [PartnerMember], { description: "The organisation's members in this project." })
  async members(
    @Parent() partner: Readonly<Partner>,
    @Args('includeRemoved', { defaultValue: false, description: 'Also list members who were removed.' })
    includeRemoved: boolean,
    @Context() context: object,
  ) {
    const members = await this.loaders.for(context).many(membersOfPartner, partner.projectId, partner.organisationId);
    return includeRemoved ? members : members.filter((member) => member.status === 'current');
  }
}

@Resolver(() => PartnerMember)
export class PartnerMemberFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() member: Readonly<PartnerMember>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, member.organisationId);
  }
}

@Resolver(() => CoordinationConcern)
export class CoordinationConcernFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Organisation, { nullable: true })
  raisedByOrganisation(@Parent() concern: Readonly<CoordinationConcern>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, concern.raisedByOrganisationId);
  }
}

@Resolver(() => Carer)
export class CarerFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => [CarerInvitation], { description: 'Every invitation, oldest first.' })
  invitations(@Parent() carer: Readonly<Carer>, @Context() context: object) {
    return this.loaders.for(context).many(invitationsOfCarer, carer.id);
  }
}

@Resolver(() => Activity)
export class ActivityFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Organisation, { nullable: true })
  organisingOrganisation(@Parent() activity: Readonly<Activity>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, activity.organisingOrganisationId);
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
    const carers = await this.loaders.for(context).many(carersOfActivity, activity.id);
    return carers.flatMap((carer) => (carer.registration ? [carer.registration] : []));
  }

  @ResolveField(() => [QuizSummary], { description: 'Understanding quizzes, before and after.' })
  quizzes(@Parent() activity: Readonly<Activity>, @Context() context: object) {
    return this.loaders.for(context).many(quizzesOfActivity, activity.id);
  }

  @ResolveField(() => [SurveySummary], { description: 'Satisfaction responses, per instrument.' })
  surveys(@Parent() activity: Readonly<Activity>, @Context() context: object) {
    return this.loaders.for(context).many(surveysOfActivity, activity.id);
  }

  @ResolveField(() => [Decision], { description: 'Decisions about this activity.' })
  decisions(@Parent() activity: Readonly<Activity>, @Context() context: object) {
    return this.loaders.for(context).many(decisionsOfActivity, activity.id);
  }
}

@Resolver(() => ActivityAttendance)
export class ActivityAttendanceFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => [CarerAttendance])
  async carers(@Parent() attendance: Readonly<ActivityAttendance>, @Context() context: object) {
    const carers = await this.loaders.for(context).many(carersOfActivity, attendance.activityId);
    return carers.flatMap((carer) => (carer.attendance ? [carer.attendance] : []));
  }

  @ResolveField(() => [RepresentativeAttendance])
  representatives(@Parent() attendance: Readonly<ActivityAttendance>, @Context() context: object) {
    return this.loaders.for(context).many(representativesOfActivity, attendance.activityId);
  }
}

@Resolver(() => SurveySummary)
export class SurveySummaryFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => SurveyInstrument, { nullable: true })
  instrument(@Parent() survey: Readonly<SurveySummary>, @Context() context: object) {
    return this.loaders.for(context).one(surveyInstrumentById, survey.instrumentId);
  }
}

@Resolver(() => Decision)
export class DecisionFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Activity, { nullable: true })
  activity(@Parent() decision: Readonly<Decision>, @Context() context: object) {
    return decision.activityId === null ? null : this.loaders.for(context).one(activityById, decision.activityId);
  }
}

@Resolver(() => Suggestion)
export class SuggestionFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Carer, { nullable: true, description: 'The carer who made it, by pseudonym.' })
  carer(@Parent() suggestion: Readonly<Suggestion>, @Context() context: object) {
    return suggestion.carerId === null ? null : this.loaders.for(context).one(carerById, suggestion.carerId);
  }
}

@Resolver(() => Evidence)
export class EvidenceFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => [Observation])
  observations(@Parent() evidence: Readonly<Evidence>, @Context() context: object) {
    return this.loaders.for(context).many(observationsOfEvidence, evidence.id);
  }
}

@Resolver(() => Observation)
export class ObservationFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Evidence, { nullable: true })
  evidence(@Parent() observation: Readonly<Observation>, @Context() context: object) {
    return this.loaders.for(context).one(evidenceById, observation.evidenceId);
  }
}

@Resolver(() => Barrier)
export class BarrierFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => [AdjustmentAction], { description: 'Adjustment actions, oldest first.' })
  actions(@Parent() barrier: Readonly<Barrier>, @Context() context: object) {
    return this.loaders.for(context).many(actionsOfBarrier, barrier.id);
  }
}

@Resolver(() => AdjustmentAction)
export class AdjustmentActionFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => Organisation, { nullable: true })
  takenByOrganisation(@Parent() action: Readonly<AdjustmentAction>, @Context() context: object) {
    return this.loaders.for(context).one(organisationById, action.takenByOrganisationId);
  }
}

@Resolver(() => InformationChannel)
export class InformationChannelFieldsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => [ChannelReading], { description: 'Readings, by period.' })
  readings(@Parent() channel: Readonly<InformationChannel>, @Context() context: object) {
    return this.loaders.for(context).many(readingsOfChannel, channel.id);
  }

  @ResolveField(() => ChannelCounters, {
    description: 'Counters summed over every reading; null for a counter no reading had.',
  })
  async totals(@Parent() channel: Readonly<InformationChannel>, @Context() context: object): Promise<ChannelCounters> {
    const readings = await this.loaders.for(context).many(readingsOfChannel, channel.id);
    const sum = (counter: keyof ChannelCounters) =>
      readings.reduce<number | null>(
        (total, reading) => (reading[counter] === null ? total : (total ?? 0) + reading[counter]),
        null,
      );
    return { likes: sum('likes'), visits: sum('visits'), downloads: sum('downloads'), shares: sum('shares') };
  }
}
