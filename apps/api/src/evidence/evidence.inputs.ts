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
  COLLECTION_ROUND_METHODS,
  EVIDENCE_PHASES,
  INABILITY_KINDS,
  INTERVIEW_MODES,
  INTERVIEWEE_ROLES,
  OBSERVATION_KINDS,
  OBSERVATION_LEVELS,
  OBSERVATION_STAGES,
  PARTICIPANT_ROLES,
  PILOT_MOMENTS,
  QUOTE_GENDERS,
  TAXONOMIES,
  WORKSHOP_KINDS,
  type CollectionRoundMethod,
  type EvidencePhase,
  type InabilityKind,
  type IntervieweeRole,
  type InterviewMode,
  type ObservationKind,
  type ObservationLevel,
  type ObservationStage,
  type ParticipantRole,
  type PilotMoment,
  type QuoteGender,
  type Taxonomy,
  type WorkshopKind,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

const PILOT_MOMENT = 'When in the pilot it was gathered (docs/inventory.md); null or absent: not recorded.';

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
export const PilotMomentEnum = enumFromValues(
  'PilotMoment',
  PILOT_MOMENTS,
  'When in the pilot evidence was gathered, as a study reports it: before it ran (co-design), at its start, in its middle, at its end, or after it.',
);
export const CollectionRoundMethodEnum = enumFromValues(
  'CollectionRoundMethod',
  COLLECTION_ROUND_METHODS,
  'The methods whose invitations are recorded as a round (a workshop records its own in its turnout).',
);
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

  @Field(() => PilotMomentEnum, { nullable: true, description: PILOT_MOMENT })
  @IsOptional()
  @IsIn(PILOT_MOMENTS)
  pilotMoment?: PilotMoment | null;

  @Field(() => QuoteGenderEnum, {
    nullable: true,
    description:
      "The gender the interviewee disclosed; null or absent: not recorded. A registered carer's gender is taken from their registration instead.",
  })
  @IsOptional()
  @IsIn(QUOTE_GENDERS)
  intervieweeGender?: QuoteGender | null;
}

@InputType({
  description:
    'One role at a workshop, as counts, never identities: how many were invited, how many took part, and the genders of those who took part (whoever is not counted did not disclose it).',
})
export class RoleTurnoutInput {
  @Field(() => IntervieweeRoleEnum)
  @IsIn(PARTICIPANT_ROLES)
  role!: ParticipantRole;

  @Field(() => Int, { nullable: true, description: 'How many of the role were invited; null: not recorded.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  invited?: number | null;

  @Field(() => Int, {
    description: "How many took part; for carers, providers and researchers the workshop's participants.",
  })
  @IsInt()
  @Min(0)
  @Max(100_000)
  tookPart!: number;

  @Field(() => Int, { description: 'Of those who took part, how many are women.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  female!: number;

  @Field(() => Int, { description: 'Of those who took part, how many are men.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  male!: number;

  @Field(() => Int, { description: 'Of those who took part, how many gave another gender.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  other!: number;
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

  @Field(() => Int, {
    nullable: true,
    description: 'How long the workshop lasted, 1 to 1440 minutes; null: not recorded.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number | null;

  @Field(() => PilotMomentEnum, { nullable: true, description: PILOT_MOMENT })
  @IsOptional()
  @IsIn(PILOT_MOMENTS)
  pilotMoment?: PilotMoment | null;

  @Field(() => [RoleTurnoutInput], {
    nullable: true,
    description:
      'Per role (each once), invited and took part with their genders; the carers, providers and researchers who took part must be the participants (a role left out took part zero times). Null: not recorded.',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => RoleTurnoutInput)
  turnout?: RoleTurnoutInput[] | null;
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

  @Field(() => PilotMomentEnum, { nullable: true, description: PILOT_MOMENT })
  @IsOptional()
  @IsIn(PILOT_MOMENTS)
  pilotMoment?: PilotMoment | null;

  @Field(() => QuoteGenderEnum, {
    nullable: true,
    description: "The author's disclosed gender; null or absent: not recorded.",
  })
  @IsOptional()
  @IsIn(QUOTE_GENDERS)
  authorGender?: QuoteGender | null;
}

@InputType({ description: 'How many people of one role were invited in a data-collection round.' })
export class RoleInvitationsInput {
  @Field(() => IntervieweeRoleEnum)
  @IsIn(PARTICIPANT_ROLES)
  role!: ParticipantRole;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000)
  invited!: number;
}

@InputType({
  description:
    'A data-collection round: one method (interviews or reflexive notes) at one moment of the pilot, and how many of each role were invited to take part. Counts, never identities.',
})
export class RecordCollectionRoundInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsUUID()
  roundId?: string | null;

  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  projectId!: string;

  @Field(() => CollectionRoundMethodEnum)
  @IsIn(COLLECTION_ROUND_METHODS)
  method!: CollectionRoundMethod;

  @Field(() => PilotMomentEnum)
  @IsIn(PILOT_MOMENTS)
  pilotMoment!: PilotMoment;

  @Field(() => [RoleInvitationsInput], { description: 'Per role (each once); at least one person invited.' })
  @ValidateNested({ each: true })
  @Type(() => RoleInvitationsInput)
  invited!: RoleInvitationsInput[];
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
