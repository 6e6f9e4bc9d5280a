import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CARER_AGE_BANDS,
  CARER_CONSENT_KINDS,
  CARER_GENDERS,
  CARER_INVITATION_CHANNELS,
  CARER_RELATIONSHIPS,
  CARER_STRESS_LEVELS,
  CARER_WITHDRAWAL_REASONS,
  INVITATION_DECLINE_REASONS,
  type CarerAgeBand,
  type CarerConsentKind,
  type CarerGender,
  type CarerInvitationChannel,
  type CarerRelationship,
  type CarerStressLevel,
  type CarerWithdrawalReason,
  type InvitationDeclineReason,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

export const CarerGenderEnum = enumFromValues('CarerGender', CARER_GENDERS);
export const CarerAgeBandEnum = enumFromValues('CarerAgeBand', CARER_AGE_BANDS);
export const CarerStressLevelEnum = enumFromValues('CarerStressLevel', CARER_STRESS_LEVELS);
export const CarerRelationshipEnum = enumFromValues('CarerRelationship', CARER_RELATIONSHIPS);
export const CarerConsentKindEnum = enumFromValues('CarerConsentKind', CARER_CONSENT_KINDS);
export const CarerInvitationChannelEnum = enumFromValues('CarerInvitationChannel', CARER_INVITATION_CHANNELS);
export const InvitationDeclineReasonEnum = enumFromValues('InvitationDeclineReason', INVITATION_DECLINE_REASONS);
export const CarerWithdrawalReasonEnum = enumFromValues('CarerWithdrawalReason', CARER_WITHDRAWAL_REASONS);

const REF = /^[A-Za-z0-9_.:-]{1,100}$/;
const REF_MESSAGE = '$property must be an id of letters, digits, _ . : - (at most 100)';

@InputType({ description: "Identifying personal data: encrypted with the carer's own key before anything is stored." })
export class PersonalDataInput {
  @Field()
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,32}$/, { message: 'phone must be a phone number of 5 to 32 digits, spaces, ( ) -' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string | null;
}

@InputType()
export class RegisterCarerInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  carerId?: string | null;

  @Field(() => ID)
  @IsUUID()
  projectId!: string;

  @Field({ description: 'How the carer is named everywhere in the platform, e.g. "Carer 8".' })
  @IsString()
  @Length(1, 50)
  pseudonym!: string;

  @Field(() => ID, { description: "The provider organisation that holds the carer's identity." })
  @Matches(REF, { message: REF_MESSAGE })
  registeredByOrganisationId!: string;

  @Field(() => CarerGenderEnum)
  @IsIn(CARER_GENDERS)
  gender!: CarerGender;

  @Field(() => CarerAgeBandEnum)
  @IsIn(CARER_AGE_BANDS)
  ageBand!: CarerAgeBand;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(168)
  weeklyCareHours?: number | null;

  @Field(() => CarerStressLevelEnum)
  @IsIn(CARER_STRESS_LEVELS)
  stressLevel!: CarerStressLevel;

  @Field(() => String, { nullable: true, description: 'A village or valley zone, never an address.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  area?: string | null;

  @Field(() => CarerRelationshipEnum)
  @IsIn(CARER_RELATIONSHIPS)
  relationship!: CarerRelationship;

  @Field(() => PersonalDataInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataInput)
  personalData?: PersonalDataInput | null;
}

@InputType()
export class UpdateCarerPersonalDataInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  carerId!: string;

  @Field(() => PersonalDataInput)
  @ValidateNested()
  @Type(() => PersonalDataInput)
  personalData!: PersonalDataInput;
}

@InputType()
export class EraseCarerInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  carerId!: string;

  @Field({ description: 'Why, e.g. "right to erasure request of 2026-05-02". Never personal data.' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

@InputType()
export class CarerConsentInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  carerId!: string;

  @Field(() => CarerConsentKindEnum)
  @IsIn(CARER_CONSENT_KINDS)
  kind!: CarerConsentKind;
}

@InputType()
export class InviteCarerInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  carerId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  invitationId?: string | null;

  @Field(() => CarerInvitationChannelEnum)
  @IsIn(CARER_INVITATION_CHANNELS)
  channel!: CarerInvitationChannel;

  @Field(() => ID)
  @Matches(REF, { message: REF_MESSAGE })
  invitedByOrganisationId!: string;

  @Field(() => ID, { nullable: true, description: 'The carer who passed the word, for word-of-mouth invitations.' })
  @IsOptional()
  @IsUUID()
  referredByCarerId?: string | null;
}

@InputType()
export class AnswerCarerInvitationInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  carerId!: string;

  @Field(() => ID)
  @IsUUID()
  invitationId!: string;
}

@InputType()
export class DeclineCarerInvitationInput extends AnswerCarerInvitationInput {
  @Field(() => InvitationDeclineReasonEnum)
  @IsIn(INVITATION_DECLINE_REASONS)
  reason!: InvitationDeclineReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string | null;
}

@InputType()
export class WithdrawCarerInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  carerId!: string;

  @Field(() => CarerWithdrawalReasonEnum)
  @IsIn(CARER_WITHDRAWAL_REASONS)
  reason!: CarerWithdrawalReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string | null;
}
