import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PROJECT_PHASES, type ProjectPhase } from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

export const ProjectPhaseEnum = enumFromValues(
  'ProjectPhase',
  PROJECT_PHASES,
  'co_design → pilot → co_assessment → closed',
);

@InputType({
  description: 'What the partnership commits to up front; the assessment report checks each line against it.',
})
export class ProjectTargetsInput {
  @Field(() => Float, { description: 'Share of eligible carers to reach, from 0 to 1 (e.g. 0.333).' })
  @IsNumber()
  @Min(0)
  @Max(1)
  reachShare!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(31)
  trainingCoursesPerMonth!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(31)
  peerMeetingsPerMonth!: number;

  @Field(() => Int, { description: "A citizens' committee meeting every N months." })
  @IsInt()
  @Min(1)
  @Max(60)
  committeeEveryMonths!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(1)
  satisfactionThreshold!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(1)
  understandingThreshold!: number;
}

@InputType()
export class LaunchProjectInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  projectId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  programmeId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  territoryId!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field(() => Int, { description: 'How many carers the project could reach, e.g. 320 in the valley.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  eligibleCarers!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(120)
  pilotMonths!: number;

  @Field({ description: 'First day of the project, YYYY-MM-DD.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startsOn must be a date as YYYY-MM-DD' })
  startsOn!: string;

  @Field(() => ProjectTargetsInput)
  @ValidateNested()
  @Type(() => ProjectTargetsInput)
  targets!: ProjectTargetsInput;
}

@InputType()
export class StartProjectPhaseInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  projectId!: string;

  @Field(() => ProjectPhaseEnum)
  @IsIn(PROJECT_PHASES)
  phase!: ProjectPhase;
}

@InputType()
export class ExtendPilotInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  projectId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(60)
  additionalMonths!: number;

  @Field()
  @IsString()
  @Length(1, 500)
  reason!: string;
}

@InputType()
export class ReviseProjectTargetsInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  projectId!: string;

  @Field(() => ProjectTargetsInput)
  @ValidateNested()
  @Type(() => ProjectTargetsInput)
  targets!: ProjectTargetsInput;

  @Field()
  @IsString()
  @Length(1, 500)
  reason!: string;
}
