import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { SUGGESTER_ROLES, SUGGESTION_TOPICS } from '#domain';
import { SuggesterRoleEnum, SuggestionTopicEnum } from './suggestion.inputs.js';
import { SUGGESTION_STATUSES, SuggestionStatusEnum } from './suggestion.models.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class SuggestionFilterInput {
  @Field(() => SuggestionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(SUGGESTION_STATUSES)
  status?: string | null;

  @Field(() => SuggestionTopicEnum, { nullable: true })
  @IsOptional()
  @IsIn(SUGGESTION_TOPICS)
  topic?: string | null;

  @Field(() => SuggesterRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(SUGGESTER_ROLES)
  suggestedByRole?: string | null;
}
