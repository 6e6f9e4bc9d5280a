import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsIn, IsOptional } from 'class-validator';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '#domain';
import { ActivityKindEnum } from './activity.inputs.js';
import { ActivityStatusEnum } from './activity.models.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class ActivityFilterInput {
  @Field(() => ActivityKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: string | null;

  @Field(() => ActivityStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status?: string | null;

  @Field(() => Date, { nullable: true, description: 'Scheduled at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Scheduled before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}
