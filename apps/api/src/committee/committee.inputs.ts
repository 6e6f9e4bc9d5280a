import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { COMMITTEE_GOAL_OUTCOMES, type CommitteeGoalOutcome } from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

export const CommitteeGoalOutcomeEnum = enumFromValues(
  'CommitteeGoalOutcome',
  COMMITTEE_GOAL_OUTCOMES,
  "How far a citizens' committee goal was met at the end of the pilot.",
);

@InputType()
export class DefineCommitteeGoalInput extends CommandInput {
  @Field(() => ID, { description: 'The project whose committee sets itself the goal.' })
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => ID, { description: "A short id for the goal, unique within the project's committee." })
  @IsString()
  @Length(1, 100)
  goalId!: string;

  @Field()
  @IsString()
  @Length(1, 500)
  description!: string;
}

@InputType()
export class AssessCommitteeGoalInput extends CommandInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  goalId!: string;

  @Field(() => CommitteeGoalOutcomeEnum)
  @IsIn(COMMITTEE_GOAL_OUTCOMES)
  outcome!: CommitteeGoalOutcome;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}

@InputType()
export class ReassessCommitteeGoalInput extends AssessCommitteeGoalInput {
  @Field()
  @IsString()
  @Length(1, 500)
  reason!: string;
}

@InputType()
export class RecordCommitteeSelfOrganisingInput extends CommandInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}
