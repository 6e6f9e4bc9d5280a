import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import {
  CANNOT_MEET_BECAUSE,
  CARER_REQUEST_CATEGORIES,
  type CannotMeetBecause,
  type CarerRequestCategory,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { CannotMeetBecauseEnum, CarerRequestCategoryEnum } from './carer-request.models.js';

@InputType({
  description:
    'A request a carer makes to the providers (substitute care hours, respite, transport, ...), named by the pseudonymous carer id only.',
})
export class MakeCarerRequestInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  requestId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => ID, { description: 'The pseudonymous carer id the platform uses (never a name).' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: 'carerId must be a pseudonymous reference' })
  carerId!: string;

  @Field(() => CarerRequestCategoryEnum, { description: 'What is asked for.' })
  @IsIn(CARER_REQUEST_CATEGORIES)
  category!: CarerRequestCategory;

  @Field({ description: 'A short description of the request, with no names.' })
  @IsString()
  @Length(1, 500)
  description!: string;
}

@InputType({ description: "The providers met a carer's request." })
export class MeetCarerRequestInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  requestId!: string;

  @Field(() => String, { nullable: true, description: 'How it was met.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}

@InputType({ description: "The providers cannot meet a carer's request: an impossibility or an inability, explained." })
export class DeclineCarerRequestInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  requestId!: string;

  @Field(() => CannotMeetBecauseEnum, {
    description:
      "IMPOSSIBILITY: outside the providers' choice (rules, law, a budget already fixed); INABILITY: theirs to change.",
  })
  @IsIn(CANNOT_MEET_BECAUSE)
  cannotMeetBecause!: CannotMeetBecause;

  @Field({ description: 'What stands in the way.' })
  @IsString()
  @Length(1, 2000)
  explanation!: string;
}
