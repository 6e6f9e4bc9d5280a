import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
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
} from '../../evidence/evidence.inputs.js';
import { BarrierStatusEnum, EvidenceKindEnum } from '../directory.enums.js';
import { Connection } from '../pagination.js';

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

@ObjectType({ description: 'A barrier to co-production, coded against a taxonomy, with the actions taken against it.' })
export class Barrier {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

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

  @Field()
  description!: string;

  @Field(() => [ObservationRef])
  basedOn!: ObservationRef[];

  @Field()
  observedAt!: Date;

  @Field(() => BarrierStatusEnum)
  status!: string;

  @Field(() => Int)
  actionCount!: number;

  @Field(() => Date, { nullable: true })
  firstActionAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastActionAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Days from the observation to the first adjustment action.' })
  daysToFirstAction!: number | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true })
  resolution!: string | null;

  @Field(() => Int)
  reopenCount!: number;

  @Field(() => Date, { nullable: true })
  lastReopenedAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastReopenReason!: string | null;
}

@ObjectType({ description: 'An adjustment action taken against a barrier.' })
export class AdjustmentAction {
  @Field(() => ID)
  barrierId!: string;

  @Field(() => ID)
  actionId!: string;

  @Field()
  description!: string;

  @Field(() => ID)
  takenByOrganisationId!: string;

  @Field()
  takenAt!: Date;
}

@ObjectType()
export class EvidenceConnection extends Connection(Evidence, 'Evidence') {}

@ObjectType()
export class ObservationConnection extends Connection(Observation, 'Observation') {}

@ObjectType()
export class BarrierConnection extends Connection(Barrier, 'Barrier') {}
