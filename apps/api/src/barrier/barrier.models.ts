import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { enumFromValues } from '../command-side/graphql-enums.js';
import {
  InabilityKindEnum,
  ObservationLevelEnum,
  ObservationStageEnum,
  ObservationTaxonomyEnum,
} from '../evidence/evidence.inputs.js';
import { ObservationRef } from '../evidence/evidence.models.js';
import { Connection } from '../read-side/pagination.js';

export const BARRIER_STATUSES = ['open', 'resolved'] as const;
export const BarrierStatusEnum = enumFromValues('BarrierStatus', BARRIER_STATUSES);

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
export class BarrierConnection extends Connection(Barrier, 'Barrier') {}
