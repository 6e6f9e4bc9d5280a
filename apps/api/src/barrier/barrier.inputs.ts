import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import {
  INABILITY_KINDS,
  OBSERVATION_LEVELS,
  OBSERVATION_STAGES,
  TAXONOMIES,
  type InabilityKind,
  type ObservationLevel,
  type ObservationStage,
  type Taxonomy,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import {
  InabilityKindEnum,
  ObservationLevelEnum,
  ObservationStageEnum,
  ObservationTaxonomyEnum,
} from '../evidence/evidence.inputs.js';

@InputType({ description: 'A coded observation, identified within its piece of evidence.' })
export class ObservationRefInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  evidenceId!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  observationId!: string;
}

@InputType({ description: 'The date of the observation is occurredAt.' })
export class ObserveBarrierInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  barrierId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => ObservationTaxonomyEnum)
  @IsIn(TAXONOMIES)
  taxonomy!: Taxonomy;

  @Field({ description: 'A barrier code of the taxonomy, e.g. lack_of_trust.' })
  @IsString()
  @Length(1, 200)
  code!: string;

  @Field(() => ObservationStageEnum)
  @IsIn(OBSERVATION_STAGES)
  stage!: ObservationStage;

  @Field(() => ObservationLevelEnum)
  @IsIn(OBSERVATION_LEVELS)
  level!: ObservationLevel;

  @Field(() => InabilityKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(INABILITY_KINDS)
  inabilityKind?: InabilityKind | null;

  @Field()
  @IsString()
  @Length(1, 2000)
  description!: string;

  @Field(() => [ObservationRefInput], { defaultValue: [], description: 'The coded observations it rests on.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ObservationRefInput)
  basedOn!: ObservationRefInput[];
}

@InputType({ description: 'The date of the action is occurredAt.' })
export class TakeAdjustmentActionInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  barrierId!: string;

  @Field(() => ID, { description: 'Identifies the action within the barrier.' })
  @IsString()
  @Length(1, 100)
  actionId!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  description!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  takenByOrganisationId!: string;
}

@InputType()
export class ResolveBarrierInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  barrierId!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  resolution!: string;
}

@InputType()
export class ReopenBarrierInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  barrierId!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
