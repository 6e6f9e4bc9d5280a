import { Field, ID, ObjectType } from '@nestjs/graphql';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { Connection } from '../read-side/pagination.js';
import { SuggesterRoleEnum, SuggestionDeclineReasonEnum, SuggestionTopicEnum } from './suggestion.inputs.js';

export const SUGGESTION_STATUSES = ['made', 'adopted', 'declined', 'implemented'] as const;
export const SuggestionStatusEnum = enumFromValues('SuggestionStatus', SUGGESTION_STATUSES);

@ObjectType({ description: 'A suggestion for the service and what became of it.' })
export class Suggestion {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => SuggesterRoleEnum)
  suggestedByRole!: string;

  @Field(() => ID, { nullable: true })
  carerId!: string | null;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field()
  description!: string;

  @Field(() => SuggestionTopicEnum)
  topic!: string;

  @Field(() => SuggestionStatusEnum)
  status!: string;

  @Field()
  madeAt!: Date;

  @Field(() => Date, { nullable: true })
  adoptedAt!: Date | null;

  @Field(() => String, { nullable: true })
  adoptionNote!: string | null;

  @Field(() => ID, { nullable: true })
  decisionId!: string | null;

  @Field(() => Date, { nullable: true })
  declinedAt!: Date | null;

  @Field(() => SuggestionDeclineReasonEnum, { nullable: true })
  declineReason!: string | null;

  @Field(() => String, { nullable: true })
  declineNote!: string | null;

  @Field(() => Date, { nullable: true })
  implementedAt!: Date | null;

  @Field(() => String, { nullable: true })
  implementationNote!: string | null;
}

@ObjectType()
export class SuggestionConnection extends Connection(Suggestion, 'Suggestion') {}
