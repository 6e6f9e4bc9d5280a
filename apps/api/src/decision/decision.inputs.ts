import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DECIDED_BY_ROLES, DECISION_CONTESTER_ROLES, type DecidedByRole, type DecisionContesterRole } from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

export const DecidedByRoleEnum = enumFromValues(
  'DecidedByRole',
  DECIDED_BY_ROLES,
  'Who took a decision; `partnership` is a joint decision of the partner organisations.',
);

export const DecisionContesterRoleEnum = enumFromValues(
  'DecisionContesterRole',
  DECISION_CONTESTER_ROLES,
  'Who contests a decision: a carer, or any partner.',
);

@InputType()
export class TakeDecisionInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  decisionId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  description!: string;

  @Field(() => ID, { nullable: true, description: 'Required for a provider or researcher decision.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  decidedByOrganisationId?: string | null;

  @Field(() => DecidedByRoleEnum)
  @IsIn(DECIDED_BY_ROLES)
  decidedByRole!: DecidedByRole;

  @Field()
  @IsBoolean()
  affectsCarers!: boolean;

  @Field()
  @IsBoolean()
  carersConsulted!: boolean;

  @Field(() => ID, { nullable: true, description: 'The activity the decision is about, if any.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  activityId?: string | null;
}

/** Who contests and why: a decision (below) or an activity's cancellation (activity.inputs.ts). */
@InputType({ isAbstract: true })
export abstract class ContestInput extends CommandInput {
  @Field(() => DecisionContesterRoleEnum)
  @IsIn(DECISION_CONTESTER_ROLES)
  contestedByRole!: DecisionContesterRole;

  @Field(() => ID, { nullable: true, description: 'Only for a carer; null when carers contest as a group.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: 'contestedByCarerId must be a pseudonymous reference' })
  contestedByCarerId?: string | null;

  @Field()
  @IsString()
  @Length(1, 2000)
  grounds!: string;
}

@InputType()
export class ContestDecisionInput extends ContestInput {
  @Field(() => ID)
  @IsUUID()
  decisionId!: string;
}

@InputType()
export class ReviseDecisionInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  decisionId!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  description!: string;

  @Field()
  @IsBoolean()
  carersConsulted!: boolean;

  @Field()
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
