import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { Connection } from '../read-side/pagination.js';
import {
  CoordinationConcernCategoryEnum,
  CoordinationMeetingFormatEnum,
  PartnerMemberRoleEnum,
  PartnerRoleEnum,
} from './partnership.inputs.js';

export const PARTNER_STATUSES = ['current', 'former'] as const;
export const PartnerStatusEnum = enumFromValues('PartnerStatus', PARTNER_STATUSES);

export const PARTNER_ROLES_STATUSES = ['unspecified', 'clarified', 'unclear'] as const;
export const PartnerRolesStatusEnum = enumFromValues(
  'PartnerRolesStatus',
  PARTNER_ROLES_STATUSES,
  "The latest finding on a partner's roles: clarified or unclear; unspecified before either.",
);

export const PARTNER_MEMBER_STATUSES = ['current', 'removed'] as const;
export const PartnerMemberStatusEnum = enumFromValues('PartnerMemberStatus', PARTNER_MEMBER_STATUSES);

export const COORDINATION_MEETING_STATUSES = ['planned', 'held', 'missed'] as const;
export const CoordinationMeetingStatusEnum = enumFromValues('CoordinationMeetingStatus', COORDINATION_MEETING_STATUSES);

export const COORDINATION_CONCERN_STATUSES = ['raised', 'resolved'] as const;
export const CoordinationConcernStatusEnum = enumFromValues('CoordinationConcernStatus', COORDINATION_CONCERN_STATUSES);

@ObjectType({ description: "An organisation's place in a project's partnership." })
export class Partner {
  @Field(() => ID)
  projectId!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => PartnerRoleEnum)
  role!: string;

  @Field(() => PartnerStatusEnum)
  status!: string;

  @Field({ description: 'When it (last) joined.' })
  joinedAt!: Date;

  @Field(() => Date, { nullable: true })
  leftAt!: Date | null;

  @Field(() => String, { nullable: true })
  leaveReason!: string | null;

  @Field(() => PartnerRolesStatusEnum)
  rolesStatus!: string;

  @Field(() => [String], { description: 'The responsibilities last clarified.' })
  responsibilities!: string[];

  @Field(() => String, { nullable: true, description: 'Why the roles were found unclear.' })
  rolesNote!: string | null;

  @Field(() => Date, { nullable: true })
  rolesUpdatedAt!: Date | null;
}

@ObjectType({ description: 'A member of a partner organisation, known only by a pseudonymous id.' })
export class PartnerMember {
  @Field(() => ID)
  projectId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => PartnerMemberRoleEnum)
  role!: string;

  @Field(() => PartnerMemberStatusEnum)
  status!: string;

  @Field()
  addedAt!: Date;

  @Field(() => Date, { nullable: true })
  removedAt!: Date | null;
}

@ObjectType({ description: 'A coordination meeting between partners.' })
export class CoordinationMeeting {
  @Field(() => ID)
  projectId!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field()
  scheduledFor!: Date;

  @Field(() => CoordinationMeetingFormatEnum)
  plannedFormat!: string;

  @Field(() => String, { nullable: true, description: 'The rhythm partners agreed on, e.g. "monthly".' })
  cadence!: string | null;

  @Field(() => CoordinationMeetingStatusEnum)
  status!: string;

  @Field()
  plannedAt!: Date;

  @Field(() => Int)
  rescheduleCount!: number;

  @Field(() => String, { nullable: true })
  lastRescheduleReason!: string | null;

  @Field(() => Date, { nullable: true })
  heldAt!: Date | null;

  @Field(() => CoordinationMeetingFormatEnum, { nullable: true, description: 'The format actually used.' })
  heldFormat!: string | null;

  @Field(() => [ID])
  attendingOrganisationIds!: string[];

  @Field(() => [ID])
  attendingMemberIds!: string[];

  @Field(() => Int, { nullable: true })
  durationMinutes!: number | null;

  @Field(() => Date, { nullable: true })
  missedAt!: Date | null;

  @Field(() => String, { nullable: true })
  missedReason!: string | null;
}

@ObjectType({ description: 'A concern a partner raised about how the partnership works.' })
export class CoordinationConcern {
  @Field(() => ID)
  projectId!: string;

  @Field(() => ID)
  concernId!: string;

  @Field(() => ID)
  raisedByOrganisationId!: string;

  @Field()
  topic!: string;

  @Field(() => CoordinationConcernCategoryEnum)
  category!: string;

  @Field(() => CoordinationConcernStatusEnum)
  status!: string;

  @Field()
  raisedAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true })
  resolution!: string | null;
}

@ObjectType()
export class PartnerConnection extends Connection(Partner, 'Partner') {}

@ObjectType()
export class PartnerMemberConnection extends Connection(PartnerMember, 'PartnerMember') {}

@ObjectType()
export class CoordinationMeetingConnection extends Connection(CoordinationMeeting, 'CoordinationMeeting') {}

@ObjectType()
export class CoordinationConcernConnection extends Connection(CoordinationConcern, 'CoordinationConcern') {}
