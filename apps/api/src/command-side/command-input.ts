import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsUUID } from 'class-validator';

/** Fields every mutation input accepts. */
@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Client-chosen UUID; sending the same id again returns the first result.',
  })
  @IsOptional()
  @IsUUID()
  commandId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it happened, for history entered after the fact. Defaults to now.',
  })
  @IsOptional()
  @IsDate()
  occurredAt?: Date | null;
}
