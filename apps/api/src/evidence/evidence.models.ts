import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EVIDENCE_KINDS } from '#domain';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { Connection } from '../read-side/pagination.js';
import {
  EvidencePhaseEnum,
  InabilityKindEnum,
  IntervieweeRoleEnum,
  InterviewModeEnum,
  ObservationKindEnum,
  ObservationLevelEnum,
  ObservationStageEnum,
  ObservationTaxonomyEnum,
  QuoteGenderEnum,
} from './evidence.inputs.js';

export const EvidenceKindEnum = enumFromValues(
  'EvidenceKind',
  EVIDENCE_KINDS,
  'Interview, co-design or co-assessment workshop, or reflexive note.',
);

@ObjectType({ description: 'A semi-structured interview.' })
export class Interview {
  @Field(() => IntervieweeRoleEnum)
  intervieweeRole!: string;

  @Field({ description: 'A pseudonymous reference to the interviewee.' })
  intervieweeRef!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => InterviewModeEnum)
  mode!: string;
}

@ObjectType()
export class WorkshopParticipants {
  @Field(() => Int)
  carers!: number;

  @Field(() => Int)
  providers!: number;

  @Field(() => Int)
  researchers!: number;
}

@ObjectType({ description: 'A co-design or co-assessment workshop.' })
export class Workshop {
  @Field(() => WorkshopParticipants)
  participants!: WorkshopParticipants;

  @Field()
  audioRecorded!: boolean;
}

@ObjectType({ description: "A researcher's reflexive note." })
export class ReflexiveNote {
  @Field(() => ID)
  authorMemberId!: string;

  @Field()
  text!: string;
}

@ObjectType({ description: 'A piece of evidence: an interview, a workshop or a reflexive note.' })
export class Evidence {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => EvidenceKindEnum)
  kind!: string;

  @Field(() => EvidencePhaseEnum)
  phase!: string;

  @Field()
  recordedAt!: Date;

  @Field(() => Interview, { nullable: true })
  interview!: Interview | null;

  @Field(() => Workshop, { nullable: true })
  workshop!: Workshop | null;

  @Field(() => ReflexiveNote, { nullable: true })
  note!: ReflexiveNote | null;

  @Field(() => Int)
  observationCount!: number;
}

@ObjectType({ description: 'A quote, attributed only by role, gender and a pseudonymous number.' })
export class Quote {
  @Field(() => IntervieweeRoleEnum)
  role!: string;

  @Field(() => QuoteGenderEnum)
  gender!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  text!: string;

  @Field({ description: 'How the quote is cited, e.g. "Carer, female, 8".' })
  attribution!: string;
}

@ObjectType({ description: 'An observation coded in a piece of evidence against a taxonomy.' })
export class Observation {
  @Field(() => ID)
  evidenceId!: string;

  @Field(() => ID)
  observationId!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => EvidenceKindEnum)
  evidenceKind!: string;

  @Field(() => EvidencePhaseEnum)
  phase!: string;

  @Field(() => ObservationKindEnum)
  kind!: string;

  @Field(() => ObservationTaxonomyEnum)
  taxonomy!: string;

  @Field()
  code!: string;

  @Field(() => ObservationStageEnum)
  stage!: string;

  @Field(() => ObservationLevelEnum)
  level!: string;

  @Field(() => InabilityKindEnum, { nullable: true })
  inabilityKind!: string | null;

  @Field(() => Quote, { nullable: true })
  quote!: Quote | null;

  @Field()
  codedAt!: Date;
}

@ObjectType({ description: 'A reference to a coded observation.' })
export class ObservationRef {
  @Field(() => ID)
  evidenceId!: string;

  @Field(() => ID)
  observationId!: string;
}

@ObjectType()
export class EvidenceConnection extends Connection(Evidence, 'Evidence') {}

@ObjectType()
export class ObservationConnection extends Connection(Observation, 'Observation') {}
