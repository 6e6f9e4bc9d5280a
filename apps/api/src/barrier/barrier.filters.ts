import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { OBSERVATION_LEVELS, OBSERVATION_STAGES, TAXONOMIES } from '#domain';
import { ObservationLevelEnum, ObservationStageEnum, ObservationTaxonomyEnum } from '../evidence/evidence.inputs.js';
import { BARRIER_STATUSES, BarrierStatusEnum } from './barrier.models.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class BarrierFilterInput {
  @Field(() => BarrierStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(BARRIER_STATUSES)
  status?: string | null;

  @Field(() => ObservationTaxonomyEnum, { nullable: true })
  @IsOptional()
  @IsIn(TAXONOMIES)
  taxonomy?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  code?: string | null;

  @Field(() => ObservationStageEnum, { nullable: true })
  @IsOptional()
  @IsIn(OBSERVATION_STAGES)
  stage?: string | null;

  @Field(() => ObservationLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(OBSERVATION_LEVELS)
  level?: string | null;
}
