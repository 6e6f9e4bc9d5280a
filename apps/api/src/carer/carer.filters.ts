import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CARER_AGE_BANDS, CARER_GENDERS, CARER_RELATIONSHIPS, CARER_STRESS_LEVELS } from '#domain';
import { CarerAgeBandEnum, CarerGenderEnum, CarerRelationshipEnum, CarerStressLevelEnum } from './carer.inputs.js';
import { CARER_PARTICIPATION_STATUSES, CarerParticipationStatusEnum } from './carer.models.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class CarerFilterInput {
  @Field(() => CarerParticipationStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_PARTICIPATION_STATUSES)
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'A village or valley zone, exactly as registered.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  area?: string | null;

  @Field(() => CarerGenderEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_GENDERS)
  gender?: string | null;

  @Field(() => CarerAgeBandEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_AGE_BANDS)
  ageBand?: string | null;

  @Field(() => CarerStressLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_STRESS_LEVELS)
  stressLevel?: string | null;

  @Field(() => CarerRelationshipEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_RELATIONSHIPS)
  relationship?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  erased?: boolean | null;
}
