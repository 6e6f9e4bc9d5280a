import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  EVIDENCE_KINDS,
  EVIDENCE_PHASES,
  OBSERVATION_KINDS,
  OBSERVATION_LEVELS,
  OBSERVATION_STAGES,
  TAXONOMIES,
} from '#domain';
import {
  EvidencePhaseEnum,
  ObservationKindEnum,
  ObservationLevelEnum,
  ObservationStageEnum,
  ObservationTaxonomyEnum,
} from './evidence.inputs.js';
import { EvidenceKindEnum } from './evidence.models.js';

/** Every filter field is optional; the fields given combine with AND. */

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
