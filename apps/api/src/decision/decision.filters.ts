import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DECIDED_BY_ROLES } from '#domain';
import { DecidedByRoleEnum } from './decision.inputs.js';
import { DECISION_STATUSES, DecisionStatusEnum } from './decision.models.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class DecisionFilterInput {
  @Field(() => DecidedByRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(DECIDED_BY_ROLES)
  decidedByRole?: string | null;

  @Field(() => DecisionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(DECISION_STATUSES)
  status?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  affectsCarers?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  carersConsulted?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'True: contested at least once; false: never contested.' })
  @IsOptional()
  @IsBoolean()
  contested?: boolean | null;
}
