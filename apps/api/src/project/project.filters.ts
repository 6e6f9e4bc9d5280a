import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PROJECT_PHASES } from '#domain';
import { ProjectPhaseEnum } from './project.inputs.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class ProjectFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  programmeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  territoryId?: string | null;

  @Field(() => ProjectPhaseEnum, { nullable: true })
  @IsOptional()
  @IsIn(PROJECT_PHASES)
  phase?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameContains?: string | null;
}
