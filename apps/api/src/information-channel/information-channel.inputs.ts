import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { INFORMATION_CHANNEL_KINDS, type InformationChannelKind } from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

export const InformationChannelKindEnum = enumFromValues(
  'InformationChannelKind',
  INFORMATION_CHANNEL_KINDS,
  'Online or offline channel through which the project and the service are made known.',
);

const PSEUDONYM = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

@InputType()
export class RegisterInformationChannelInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  channelId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => InformationChannelKindEnum)
  @IsIn(INFORMATION_CHANNEL_KINDS)
  kind!: InformationChannelKind;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;
}

@InputType({
  description: 'Counts over the period (not running totals); leave out counters the channel does not have.',
})
export class RecordChannelReadingInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  channelId!: string;

  @Field(() => Date, { description: 'Start of the half-open period [periodStart, periodEnd).' })
  @IsDate()
  periodStart!: Date;

  @Field(() => Date)
  @IsDate()
  periodEnd!: Date;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  likes?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  visits?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  downloads?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  shares?: number | null;
}

@InputType({ description: 'The day the patient was informed is occurredAt.' })
export class RecordNewPatientInformedInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  channelId!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  providerOrganisationId!: string;

  @Field({ description: "The provider's pseudonymous reference for the patient, never a name." })
  @Matches(PSEUDONYM, { message: 'patientRef must be a pseudonymous reference (letters, digits, . _ : -)' })
  patientRef!: string;
}

@InputType()
export class RetireInformationChannelInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  channelId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string | null;
}
