import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  CARER_AGE_BANDS,
  CARER_GENDERS,
  CARER_RELATIONSHIPS,
  CARER_STRESS_LEVELS,
  COMMITTEE_GOAL_OUTCOMES,
  COORDINATION_CONCERN_CATEGORIES,
  DECIDED_BY_ROLES,
  EVIDENCE_KINDS,
  EVIDENCE_PHASES,
  INFORMATION_CHANNEL_KINDS,
  OBSERVATION_KINDS,
  OBSERVATION_LEVELS,
  OBSERVATION_STAGES,
  ORGANISATION_KINDS,
  PARTNER_MEMBER_ROLES,
  PARTNER_ROLES,
  PROJECT_PHASES,
  SUGGESTER_ROLES,
  SUGGESTION_TOPICS,
  SURVEY_INSTRUMENT_MEASURES,
  TAXONOMIES,
} from '#domain';
import { ActivityKindEnum } from '../activity/activity.inputs.js';
import {
  CarerAgeBandEnum,
  CarerGenderEnum,
  CarerRelationshipEnum,
  CarerStressLevelEnum,
} from '../carer/carer.inputs.js';
import { CommitteeGoalOutcomeEnum } from '../committee/committee.inputs.js';
import { DecidedByRoleEnum } from '../decision/decision.inputs.js';
import {
  EvidencePhaseEnum,
  ObservationKindEnum,
  ObservationLevelEnum,
  ObservationStageEnum,
  ObservationTaxonomyEnum,
} from '../evidence/evidence.inputs.js';
import { InformationChannelKindEnum } from '../information-channel/information-channel.inputs.js';
import { OrganisationKindEnum } from '../organisation/organisation.inputs.js';
import {
  CoordinationConcernCategoryEnum,
  PartnerMemberRoleEnum,
  PartnerRoleEnum,
} from '../partnership/partnership.inputs.js';
import { ProjectPhaseEnum } from '../project/project.inputs.js';
import { SuggesterRoleEnum, SuggestionTopicEnum } from '../suggestion/suggestion.inputs.js';
import { SurveyInstrumentMeasureEnum } from '../survey-instrument/survey-instrument.inputs.js';
import {
  ActivityStatusEnum,
  BARRIER_STATUSES,
  BarrierStatusEnum,
  CARER_PARTICIPATION_STATUSES,
  CarerParticipationStatusEnum,
  COORDINATION_CONCERN_STATUSES,
  COORDINATION_MEETING_STATUSES,
  CoordinationConcernStatusEnum,
  CoordinationMeetingStatusEnum,
  DECISION_STATUSES,
  DecisionStatusEnum,
  EvidenceKindEnum,
  INFORMATION_CHANNEL_STATUSES,
  InformationChannelStatusEnum,
  PARTNER_MEMBER_STATUSES,
  PARTNER_ROLES_STATUSES,
  PARTNER_STATUSES,
  PartnerMemberStatusEnum,
  PartnerRolesStatusEnum,
  PartnerStatusEnum,
  SUGGESTION_STATUSES,
  SURVEY_INSTRUMENT_STATUSES,
  SuggestionStatusEnum,
  SurveyInstrumentStatusEnum,
} from './directory.enums.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class ProjectFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  programmeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  territoryId?: string | null;

  @Field(() => ProjectPhaseEnum, { nullable: true })
  @IsOptional()
  @IsIn(PROJECT_PHASES)
  phase?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameContains?: string | null;
}

@InputType()
export class OrganisationFilterInput {
  @Field(() => OrganisationKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameContains?: string | null;
}

@InputType()
export class SurveyInstrumentFilterInput {
  @Field(() => SurveyInstrumentMeasureEnum, { nullable: true })
  @IsOptional()
  @IsIn(SURVEY_INSTRUMENT_MEASURES)
  measures?: string | null;

  @Field(() => SurveyInstrumentStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(SURVEY_INSTRUMENT_STATUSES)
  status?: string | null;
}

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
export class CarerFilterInput {
  @Field(() => CarerParticipationStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_PARTICIPATION_STATUSES)
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'A village or valley zone, exactly as registered.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  area?: string | null;

  @Field(() => CarerGenderEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_GENDERS)
  gender?: string | null;

  @Field(() => CarerAgeBandEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_AGE_BANDS)
  ageBand?: string | null;

  @Field(() => CarerStressLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_STRESS_LEVELS)
  stressLevel?: string | null;

  @Field(() => CarerRelationshipEnum, { nullable: true })
  @IsOptional()
  @IsIn(CARER_RELATIONSHIPS)
  relationship?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  erased?: boolean | null;
}

@InputType()
export class ActivityFilterInput {
  @Field(() => ActivityKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: string | null;

  @Field(() => ActivityStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status?: string | null;

  @Field(() => Date, { nullable: true, description: 'Scheduled at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Scheduled before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

@InputType()
export class DecisionFilterInput {
  @Field(() => DecidedByRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(DECIDED_BY_ROLES)
  decidedByRole?: string | null;

  @Field(() => DecisionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(DECISION_STATUSES)
  status?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  affectsCarers?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  carersConsulted?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'True: contested at least once; false: never contested.' })
  @IsOptional()
  @IsBoolean()
  contested?: boolean | null;
}

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

@InputType()
export class EvidenceFilterInput {
  @Field(() => EvidenceKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(EVIDENCE_KINDS)
  kind?: string | null;

  @Field(() => EvidencePhaseEnum, { nullable: true })
  @IsOptional()
  @IsIn(EVIDENCE_PHASES)
  phase?: string | null;
}

@InputType()
export class ObservationFilterInput {
  @Field(() => ObservationTaxonomyEnum, { nullable: true })
  @IsOptional()
  @IsIn(TAXONOMIES)
  taxonomy?: string | null;

  @Field(() => String, { nullable: true, description: 'A code of the taxonomy, e.g. insufficient_trust.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  code?: string | null;

  @Field(() => ObservationKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(OBSERVATION_KINDS)
  kind?: string | null;

  @Field(() => ObservationStageEnum, { nullable: true })
  @IsOptional()
  @IsIn(OBSERVATION_STAGES)
  stage?: string | null;

  @Field(() => ObservationLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(OBSERVATION_LEVELS)
  level?: string | null;

  @Field(() => EvidenceKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(EVIDENCE_KINDS)
  evidenceKind?: string | null;

  @Field(() => EvidencePhaseEnum, { nullable: true })
  @IsOptional()
  @IsIn(EVIDENCE_PHASES)
  phase?: string | null;
}

@InputType()
export class BarrierFilterInput {
  @Field(() => BarrierStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(BARRIER_STATUSES)
  status?: string | null;

  @Field(() => ObservationTaxonomyEnum, { nullable: true })
  @IsOptional()
  @IsIn(TAXONOMIES)
  taxonomy?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  code?: string | null;

  @Field(() => ObservationStageEnum, { nullable: true })
  @IsOptional()
  @IsIn(OBSERVATION_STAGES)
  stage?: string | null;

  @Field(() => ObservationLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(OBSERVATION_LEVELS)
  level?: string | null;
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

@InputType()
export class CommitteeGoalFilterInput {
  @Field(() => CommitteeGoalOutcomeEnum, { nullable: true })
  @IsOptional()
  @IsIn(COMMITTEE_GOAL_OUTCOMES)
  outcome?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: assessed at least once; false: not yet assessed.' })
  @IsOptional()
  @IsBoolean()
  assessed?: boolean | null;
}

@InputType()
export class InformationChannelFilterInput {
  @Field(() => InformationChannelKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(INFORMATION_CHANNEL_KINDS)
  kind?: string | null;

  @Field(() => InformationChannelStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(INFORMATION_CHANNEL_STATUSES)
  status?: string | null;
}
