import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../read-side/pagination.js';
import { CommitteeGoalOutcomeEnum } from './committee.inputs.js';

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

@ObjectType()
export class CommitteeGoalConnection extends Connection(CommitteeGoal, 'CommitteeGoal') {}
