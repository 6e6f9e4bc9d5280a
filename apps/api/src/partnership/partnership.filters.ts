import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { COORDINATION_CONCERN_CATEGORIES, PARTNER_MEMBER_ROLES, PARTNER_ROLES } from '#domain';
import { CoordinationConcernCategoryEnum, PartnerMemberRoleEnum, PartnerRoleEnum } from './partnership.inputs.js';
import {
  COORDINATION_CONCERN_STATUSES,
  COORDINATION_MEETING_STATUSES,
  CoordinationConcernStatusEnum,
  CoordinationMeetingStatusEnum,
  PARTNER_MEMBER_STATUSES,
  PARTNER_ROLES_STATUSES,
  PARTNER_STATUSES,
  PartnerMemberStatusEnum,
  PartnerRolesStatusEnum,
  PartnerStatusEnum,
} from './partnership.models.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class PartnerFilterInput {
  @Field(() => PartnerRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(PARTNER_ROLES)
  role?: string | null;

  @Field(() => PartnerStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(PARTNER_STATUSES)
  status?: string | null;

  @Field(() => PartnerRolesStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(PARTNER_ROLES_STATUSES)
  rolesStatus?: string | null;
}

@InputType()
export class PartnerMemberFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  organisationId?: string | null;

  @Field(() => PartnerMemberRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(PARTNER_MEMBER_ROLES)
  role?: string | null;

  @Field(() => PartnerMemberStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(PARTNER_MEMBER_STATUSES)
  status?: string | null;
}

@InputType()
export class CoordinationMeetingFilterInput {
  @Field(() => CoordinationMeetingStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(COORDINATION_MEETING_STATUSES)
  status?: string | null;
}

@InputType()
export class CoordinationConcernFilterInput {
  @Field(() => CoordinationConcernStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(COORDINATION_CONCERN_STATUSES)
  status?: string | null;

  @Field(() => CoordinationConcernCategoryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COORDINATION_CONCERN_CATEGORIES)
  category?: string | null;
}
