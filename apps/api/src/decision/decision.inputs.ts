import { Field, ID, InputType } from '@nestjs/graphql';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import {
  CARER_INVOLVEMENT_LEVELS,
  DECIDED_BY_ROLES,
  DECISION_CONTESTER_ROLES,
  MAX_DECISION_ACTIVITIES,
  type CarerInvolvement,
  type DecidedByRole,
  type DecisionContesterRole,
} from '#domain';
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

export const CarerInvolvementEnum = enumFromValues(
  'CarerInvolvement',
  CARER_INVOLVEMENT_LEVELS,
  'How carers took part in a decision that affects them, on a participation ladder after the IAP2 Spectrum of Public Participation: informed, consulted, involved, co-decided, carer-led (each includes the rungs below; docs/signals.md).',
);

const INVOLVEMENT_DESCRIPTION =
  'Only for a decision that affects carers; must agree with carersConsulted (informed exactly when not consulted). Absent: the least that carersConsulted implies.';

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

  @Field(() => CarerInvolvementEnum, { nullable: true, description: INVOLVEMENT_DESCRIPTION })
  @IsOptional()
  @IsIn(CARER_INVOLVEMENT_LEVELS)
  carerInvolvement?: CarerInvolvement | null;

  @Field(() => [ID], {
    nullable: true,
    description: `The activities the decision covers, each once, at most ${MAX_DECISION_ACTIVITIES} (absent or empty: none).`,
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  activityIds?: string[] | null;

  // Kept so that clients written before a decision could cover several activities still work: it
  // reads as a list of one, and is refused beside activityIds (ACTIVITY_ID_WITH_ACTIVITY_IDS).
  @Field(() => ID, {
    nullable: true,
    description: 'The one activity the decision is about: the same as activityIds with one id.',
    deprecationReason: 'Use activityIds: a decision may cover several activities.',
  })
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

  @Field(() => CarerInvolvementEnum, {
    nullable: true,
    description: 'Absent: the level before, if it still agrees with carersConsulted, else the least it implies.',
  })
  @IsOptional()
  @IsIn(CARER_INVOLVEMENT_LEVELS)
  carerInvolvement?: CarerInvolvement | null;

  @Field()
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
