import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { COMMITTEE_GOAL_OUTCOMES } from '#domain';
import { CommitteeGoalOutcomeEnum } from './committee.inputs.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class CommitteeGoalFilterInput {
  @Field(() => CommitteeGoalOutcomeEnum, { nullable: true })
  @IsOptional()
  @IsIn(COMMITTEE_GOAL_OUTCOMES)
  outcome?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: assessed at least once; false: not yet assessed.' })
  @IsOptional()
  @IsBoolean()
  assessed?: boolean | null;
}
