import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  COORDINATION_CONCERN_CATEGORIES,
  COORDINATION_MEETING_FORMATS,
  ID_PATTERN,
  PARTNER_MEMBER_ROLES,
  PARTNER_ROLES,
  type CoordinationConcernCategory,
  type CoordinationMeetingFormat,
  type PartnerMemberRole,
  type PartnerRole,
  idMessage,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

/** Caller-chosen ids (organisations, pseudonymous members, meetings, concerns): letters, digits and `_ - . :`. */

export const PartnerRoleEnum = enumFromValues(
  'PartnerRole',
  PARTNER_ROLES,
  "An organisation's role in the partnership.",
);
export const PartnerMemberRoleEnum = enumFromValues(
  'PartnerMemberRole',
  PARTNER_MEMBER_ROLES,
  "A member's role within a partner organisation.",
);
export const CoordinationMeetingFormatEnum = enumFromValues(
  'CoordinationMeetingFormat',
  COORDINATION_MEETING_FORMATS,
  'How partners meet: in person, by video call or by phone.',
);
export const CoordinationConcernCategoryEnum = enumFromValues(
  'CoordinationConcernCategory',
  COORDINATION_CONCERN_CATEGORIES,
  'What a coordination concern between partners is about.',
);

/** Every partnership command addresses the partnership of one project. */
@InputType({ isAbstract: true })
abstract class PartnershipCommandInput extends CommandInput {
  @Field(() => ID, { description: 'The project whose partnership this is (one partnership per project).' })
  @IsUUID()
  projectId!: string;
}

@InputType()
export class JoinPartnershipInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('organisationId') })
  organisationId!: string;

  @Field(() => PartnerRoleEnum)
  @IsIn(PARTNER_ROLES)
  partnerRole!: PartnerRole;
}

@InputType()
export class LeavePartnershipInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('organisationId') })
  organisationId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string | null;
}

@InputType({ description: 'Members are known only by a pseudonymous id: no names or contact details.' })
export class AddPartnerMemberInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('organisationId') })
  organisationId!: string;

  @Field(() => ID, { description: 'A pseudonymous id (letters, digits, _ - . :), never a name or e-mail.' })
  @Matches(ID_PATTERN, { message: idMessage('memberId') })
  memberId!: string;

  @Field(() => PartnerMemberRoleEnum)
  @IsIn(PARTNER_MEMBER_ROLES)
  memberRole!: PartnerMemberRole;
}

@InputType()
export class RemovePartnerMemberInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('memberId') })
  memberId!: string;
}

@InputType()
export class ClarifyPartnerRolesInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('organisationId') })
  organisationId!: string;

  @Field(() => [String], { description: 'From 1 to 30 distinct responsibilities, each up to 300 characters.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  responsibilities!: string[];
}

@InputType()
export class RecordUnclearPartnerRolesInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('organisationId') })
  organisationId!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  note!: string;
}

@InputType()
export class PlanCoordinationMeetingInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('meetingId') })
  meetingId!: string;

  @Field(() => Date)
  @IsDate()
  scheduledFor!: Date;

  @Field(() => CoordinationMeetingFormatEnum)
  @IsIn(COORDINATION_MEETING_FORMATS)
  format!: CoordinationMeetingFormat;

  @Field(() => String, { nullable: true, description: 'A free label such as "weekly" or "monthly".' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  cadence?: string | null;
}

@InputType()
export class RecordCoordinationMeetingHeldInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('meetingId') })
  meetingId!: string;

  @Field(() => CoordinationMeetingFormatEnum, { description: 'The format actually used.' })
  @IsIn(COORDINATION_MEETING_FORMATS)
  format!: CoordinationMeetingFormat;

  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(ID_PATTERN, { each: true, message: idMessage('attendingOrganisationIds') })
  attendingOrganisationIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'Defaults to none.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(ID_PATTERN, { each: true, message: idMessage('attendingMemberIds') })
  attendingMemberIds?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number | null;
}

@InputType()
export class RecordCoordinationMeetingMissedInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('meetingId') })
  meetingId!: string;

  @Field()
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

@InputType()
export class RescheduleCoordinationMeetingInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('meetingId') })
  meetingId!: string;

  @Field(() => Date)
  @IsDate()
  scheduledFor!: Date;

  @Field(() => CoordinationMeetingFormatEnum, { nullable: true, description: 'Defaults to the planned format.' })
  @IsOptional()
  @IsIn(COORDINATION_MEETING_FORMATS)
  format?: CoordinationMeetingFormat | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string | null;
}

@InputType()
export class RaiseCoordinationConcernInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('concernId') })
  concernId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('raisedByOrganisationId') })
  raisedByOrganisationId!: string;

  @Field()
  @IsString()
  @Length(1, 1000)
  topic!: string;

  @Field(() => CoordinationConcernCategoryEnum)
  @IsIn(COORDINATION_CONCERN_CATEGORIES)
  category!: CoordinationConcernCategory;
}

@InputType()
export class ResolveCoordinationConcernInput extends PartnershipCommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('concernId') })
  concernId!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  resolution!: string;
}
