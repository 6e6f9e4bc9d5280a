import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CommitteeGoalOutcomeEnum } from '../../committee/committee.inputs.js';
import { DecidedByRoleEnum } from '../../decision/decision.inputs.js';
import { InformationChannelKindEnum } from '../../information-channel/information-channel.inputs.js';
import {
  SuggesterRoleEnum,
  SuggestionDeclineReasonEnum,
  SuggestionTopicEnum,
} from '../../suggestion/suggestion.inputs.js';
import { DecisionStatusEnum, InformationChannelStatusEnum, SuggestionStatusEnum } from '../directory.enums.js';
import { Connection } from '../pagination.js';

@ObjectType({ description: 'A decision taken in a project, whether carers were consulted, and how it was received.' })
export class Decision {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field({ description: 'The current description (after any revision).' })
  description!: string;

  @Field()
  originalDescription!: string;

  @Field(() => ID, { nullable: true })
  decidedByOrganisationId!: string | null;

  @Field(() => DecidedByRoleEnum)
  decidedByRole!: string;

  @Field()
  affectsCarers!: boolean;

  @Field({ description: 'Whether carers were consulted, as it stands after any revision.' })
  carersConsulted!: boolean;

  @Field()
  originallyCarersConsulted!: boolean;

  @Field(() => ID, { nullable: true })
  activityId!: string | null;

  @Field()
  takenAt!: Date;

  @Field(() => DecisionStatusEnum)
  status!: string;

  @Field(() => Int)
  contestedCount!: number;

  @Field(() => Int, { description: 'Contestations by carers.' })
  contestedByCarersCount!: number;

  @Field(() => Date, { nullable: true })
  lastContestedAt!: Date | null;

  @Field(() => Int)
  revisionCount!: number;

  @Field(() => Date, { nullable: true })
  lastRevisedAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastRevisionReason!: string | null;
}

@ObjectType({ description: 'A suggestion for the service and what became of it.' })
export class Suggestion {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => SuggesterRoleEnum)
  suggestedByRole!: string;

  @Field(() => ID, { nullable: true })
  carerId!: string | null;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field()
  description!: string;

  @Field(() => SuggestionTopicEnum)
  topic!: string;

  @Field(() => SuggestionStatusEnum)
  status!: string;

  @Field()
  madeAt!: Date;

  @Field(() => Date, { nullable: true })
  adoptedAt!: Date | null;

  @Field(() => String, { nullable: true })
  adoptionNote!: string | null;

  @Field(() => ID, { nullable: true })
  decisionId!: string | null;

  @Field(() => Date, { nullable: true })
  declinedAt!: Date | null;

  @Field(() => SuggestionDeclineReasonEnum, { nullable: true })
  declineReason!: string | null;

  @Field(() => String, { nullable: true })
  declineNote!: string | null;

  @Field(() => Date, { nullable: true })
  implementedAt!: Date | null;

  @Field(() => String, { nullable: true })
  implementationNote!: string | null;
}

@ObjectType({ description: "A goal the citizens' committee set itself, and how far it was reached." })
export class CommitteeGoal {
  @Field(() => ID)
  projectId!: string;

  @Field(() => ID)
  goalId!: string;

  @Field()
  description!: string;

  @Field()
  definedAt!: Date;

  @Field(() => CommitteeGoalOutcomeEnum, { nullable: true, description: 'The latest judgement; null until assessed.' })
  outcome!: string | null;

  @Field(() => String, { nullable: true })
  outcomeNote!: string | null;

  @Field(() => Date, { nullable: true })
  assessedAt!: Date | null;

  @Field(() => CommitteeGoalOutcomeEnum, { nullable: true, description: 'The first judgement, kept in history.' })
  firstOutcome!: string | null;

  @Field(() => Int)
  reassessmentCount!: number;

  @Field(() => String, { nullable: true })
  lastReassessmentReason!: string | null;
}

@ObjectType({ description: 'Reach counters of a channel; null where the channel has no such counter.' })
export class ChannelCounters {
  @Field(() => Int, { nullable: true })
  likes!: number | null;

  @Field(() => Int, { nullable: true })
  visits!: number | null;

  @Field(() => Int, { nullable: true })
  downloads!: number | null;

  @Field(() => Int, { nullable: true })
  shares!: number | null;
}

@ObjectType({ description: "A reading of a channel's counters over the half-open period [periodStart, periodEnd)." })
export class ChannelReading extends ChannelCounters {
  @Field()
  periodStart!: Date;

  @Field()
  periodEnd!: Date;
}

@ObjectType({ description: 'An online or offline channel through which the project and service are made known.' })
export class InformationChannel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => InformationChannelKindEnum)
  kind!: string;

  @Field()
  name!: string;

  @Field(() => InformationChannelStatusEnum)
  status!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true })
  retirementReason!: string | null;

  @Field(() => Int)
  readingCount!: number;

  @Field(() => Date, { nullable: true })
  lastPeriodEnd!: Date | null;

  @Field(() => Int, { description: 'New patients of a provider who heard of the service through this channel.' })
  newPatientsInformed!: number;
}

@ObjectType()
export class DecisionConnection extends Connection(Decision, 'Decision') {}

@ObjectType()
export class SuggestionConnection extends Connection(Suggestion, 'Suggestion') {}

@ObjectType()
export class CommitteeGoalConnection extends Connection(CommitteeGoal, 'CommitteeGoal') {}

@ObjectType()
export class InformationChannelConnection extends Connection(InformationChannel, 'InformationChannel') {}
