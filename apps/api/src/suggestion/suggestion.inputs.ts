import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import {
  SUGGESTER_ROLES,
  SUGGESTION_DECLINE_REASONS,
  SUGGESTION_TOPICS,
  type SuggesterRole,
  type SuggestionDeclineReason,
  type SuggestionTopic,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

export const SuggesterRoleEnum = enumFromValues('SuggesterRole', SUGGESTER_ROLES, 'Who made a suggestion.');
export const SuggestionTopicEnum = enumFromValues('SuggestionTopic', SUGGESTION_TOPICS, 'What a suggestion is about.');
export const SuggestionDeclineReasonEnum = enumFromValues(
  'SuggestionDeclineReason',
  SUGGESTION_DECLINE_REASONS,
  'Why a suggestion was declined.',
);

@InputType({
  description: 'A carer suggestion names carerId, a provider or researcher one organisationId, the committee neither.',
})
export class MakeSuggestionInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  suggestionId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => SuggesterRoleEnum)
  @IsIn(SUGGESTER_ROLES)
  suggestedByRole!: SuggesterRole;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: 'carerId must be a pseudonymous reference' })
  carerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  organisationId?: string | null;

  @Field()
  @IsString()
  @Length(1, 2000)
  description!: string;

  @Field(() => SuggestionTopicEnum)
  @IsIn(SUGGESTION_TOPICS)
  topic!: SuggestionTopic;
}

@InputType()
export class AdoptSuggestionInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  suggestionId!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  note!: string;

  @Field(() => ID, { nullable: true, description: 'The decision that adopted it, if recorded.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  decisionId?: string | null;
}

@InputType()
export class DeclineSuggestionInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  suggestionId!: string;

  @Field(() => SuggestionDeclineReasonEnum)
  @IsIn(SUGGESTION_DECLINE_REASONS)
  reason!: SuggestionDeclineReason;

  @Field()
  @IsString()
  @Length(1, 2000)
  note!: string;
}

@InputType()
export class ImplementSuggestionInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  suggestionId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}
