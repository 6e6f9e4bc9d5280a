import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import {
  CHANNEL_READING_KINDS,
  INFORMATION_CHANNEL_KINDS,
  type ChannelReadingKind,
  type InformationChannelKind,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

export const InformationChannelKindEnum = enumFromValues(
  'InformationChannelKind',
  INFORMATION_CHANNEL_KINDS,
  'Online or offline channel through which the project and the service are made known.',
);

export const ChannelReadingKindEnum = enumFromValues(
  'ChannelReadingKind',
  CHANNEL_READING_KINDS,
  'What a reading counts. increment: what happened within its window [periodStart, periodEnd) (visits in March). running_total: the counter’s total at periodEnd, counted since periodStart (page likes since the page opened); the report takes the difference between two totals.',
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
  description:
    'A reading of a channel’s counters over its measurement window [periodStart, periodEnd). readingKind says whether the counters are increments (what happened within the window; the default, as readings were before it was asked) or running totals (the total at periodEnd since periodStart). Leave out counters that were not read: a counter left out is "not measured", a 0 is a measured zero.',
})
export class RecordChannelReadingInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  channelId!: string;

  @Field(() => Date, {
    description:
      'Start of the half-open measurement window [periodStart, periodEnd). Increments: the first instant counted, and the channel’s increments never overlap. Running totals: when the counter started counting, the same for every running total of the channel.',
  })
  @IsDate()
  periodStart!: Date;

  @Field(() => Date, {
    description:
      'End of the window (excluded), not in the future. Running totals: the moment the total was read, later than the previous one.',
  })
  @IsDate()
  periodEnd!: Date;

  @Field(() => ChannelReadingKindEnum, {
    nullable: true,
    description:
      'increment (default) or running_total. A channel keeps one kind; a running total never decreases for the same counter.',
  })
  @IsOptional()
  @IsIn(CHANNEL_READING_KINDS)
  readingKind?: ChannelReadingKind | null;

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

@InputType({
  description:
    'The channel’s new patients over the half-open window [periodStart, periodEnd) were checked and every one who heard of the service through the channel is recorded with recordNewPatientInformed, maybe none: the report then shows a measured count (0 included) instead of "not measured".',
})
export class RecordNewPatientsCheckedInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  channelId!: string;

  @Field(() => Date, { description: 'Start of the checked window (included).' })
  @IsDate()
  periodStart!: Date;

  @Field(() => Date, { description: 'End of the checked window (excluded), not in the future.' })
  @IsDate()
  periodEnd!: Date;
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
