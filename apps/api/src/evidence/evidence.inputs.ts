import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
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
  EVIDENCE_PHASES,
  INABILITY_KINDS,
  INTERVIEW_MODES,
  INTERVIEWEE_ROLES,
  OBSERVATION_KINDS,
  OBSERVATION_LEVELS,
  OBSERVATION_STAGES,
  QUOTE_GENDERS,
  TAXONOMIES,
  WORKSHOP_KINDS,
  type EvidencePhase,
  type InabilityKind,
  type IntervieweeRole,
  type InterviewMode,
  type ObservationKind,
  type ObservationLevel,
  type ObservationStage,
  type QuoteGender,
  type Taxonomy,
  type WorkshopKind,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

/** A reference to a person that must stay pseudonymous (same rule as the domain's requirePseudonymousRef). */
export const PSEUDONYMOUS_REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export const EvidencePhaseEnum = enumFromValues(
  'EvidencePhase',
  EVIDENCE_PHASES,
  'Project phase a piece of evidence belongs to.',
);
export const IntervieweeRoleEnum = enumFromValues(
  'IntervieweeRole',
  INTERVIEWEE_ROLES,
  'Role of an interviewee or quoted person.',
);
export const InterviewModeEnum = enumFromValues('InterviewMode', INTERVIEW_MODES);
export const WorkshopKindEnum = enumFromValues('WorkshopKind', WORKSHOP_KINDS);
export const QuoteGenderEnum = enumFromValues('QuoteGender', QUOTE_GENDERS);
export const ObservationKindEnum = enumFromValues('ObservationKind', OBSERVATION_KINDS);
/** The coding enums below are shared with barriers (apps/api/src/barrier). */
export const ObservationTaxonomyEnum = enumFromValues(
  'ObservationTaxonomy',
  TAXONOMIES,
  'The coding scheme an observation or barrier code comes from.',
);
export const ObservationStageEnum = enumFromValues(
  'ObservationStage',
  OBSERVATION_STAGES,
  'Before (antecedent), during (process) or after the interaction.',
);
export const ObservationLevelEnum = enumFromValues('ObservationLevel', OBSERVATION_LEVELS);
export const InabilityKindEnum = enumFromValues(
  'InabilityKind',
  INABILITY_KINDS,
  'Inability is a choice, impossibility a constraint; only for inability_to_change.',
);

@InputType()
export class RecordInterviewInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  evidenceId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => IntervieweeRoleEnum)
  @IsIn(INTERVIEWEE_ROLES)
  intervieweeRole!: IntervieweeRole;

  @Field({ description: 'Pseudonymous reference of the interviewee, never a name.' })
  @Matches(PSEUDONYMOUS_REF, { message: 'intervieweeRef must be a pseudonymous reference (letters, digits, . _ : -)' })
  intervieweeRef!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes!: number;

  @Field(() => InterviewModeEnum)
  @IsIn(INTERVIEW_MODES)
  mode!: InterviewMode;

  @Field(() => EvidencePhaseEnum)
  @IsIn(EVIDENCE_PHASES)
  phase!: EvidencePhase;
}

@InputType()
export class WorkshopParticipantsInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1000)
  carers!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1000)
  providers!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1000)
  researchers!: number;
}

@InputType()
export class RecordWorkshopInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  evidenceId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => WorkshopKindEnum)
  @IsIn(WORKSHOP_KINDS)
  workshopKind!: WorkshopKind;

  @Field(() => WorkshopParticipantsInput)
  @ValidateNested()
  @Type(() => WorkshopParticipantsInput)
  participants!: WorkshopParticipantsInput;

  @Field()
  @IsBoolean()
  audioRecorded!: boolean;

  @Field({ description: 'Whoever records the workshop asserts that everyone consented to audio; never stored.' })
  @IsBoolean()
  audioConsentOfAll!: boolean;
}

@InputType()
export class RecordReflexiveNoteInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  evidenceId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => ID)
  @Matches(PSEUDONYMOUS_REF, { message: 'authorMemberId must be a pseudonymous reference' })
  authorMemberId!: string;

  @Field(() => EvidencePhaseEnum)
  @IsIn(EVIDENCE_PHASES)
  phase!: EvidencePhase;

  @Field()
  @IsString()
  @Length(1, 10_000)
  text!: string;
}

@InputType({ description: 'Attributed only by role, gender and a pseudonymous number ("Carer, female, 8").' })
export class QuoteInput {
  @Field(() => IntervieweeRoleEnum)
  @IsIn(INTERVIEWEE_ROLES)
  role!: IntervieweeRole;

  @Field(() => QuoteGenderEnum)
  @IsIn(QUOTE_GENDERS)
  gender!: QuoteGender;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  number!: number;

  @Field()
  @IsString()
  @Length(1, 2000)
  text!: string;
}

@InputType()
export class CodeObservationInput extends CommandInput {
  @Field(() => ID)
  @IsUUID()
  evidenceId!: string;

  @Field(() => ID, { description: 'Identifies the observation within its evidence; barriers refer to it.' })
  @IsString()
  @Length(1, 100)
  observationId!: string;

  @Field(() => ObservationKindEnum)
  @IsIn(OBSERVATION_KINDS)
  kind!: ObservationKind;

  @Field(() => ObservationTaxonomyEnum)
  @IsIn(TAXONOMIES)
  taxonomy!: Taxonomy;

  @Field({ description: 'A code of the taxonomy, e.g. insufficient_trust or process_team_tokenism.' })
  @IsString()
  @Length(1, 200)
  code!: string;

  @Field(() => ObservationStageEnum)
  @IsIn(OBSERVATION_STAGES)
  stage!: ObservationStage;

  @Field(() => ObservationLevelEnum)
  @IsIn(OBSERVATION_LEVELS)
  level!: ObservationLevel;

  @Field(() => InabilityKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(INABILITY_KINDS)
  inabilityKind?: InabilityKind | null;

  @Field(() => QuoteInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuoteInput)
  quote?: QuoteInput | null;
}
