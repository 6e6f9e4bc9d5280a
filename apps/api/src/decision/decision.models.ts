import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { Connection } from '../read-side/pagination.js';
import { CarerInvolvementEnum, DecidedByRoleEnum } from './decision.inputs.js';

export const DECISION_STATUSES = ['taken', 'contested', 'revised'] as const;
export const DecisionStatusEnum = enumFromValues(
  'DecisionStatus',
  DECISION_STATUSES,
  'Taken, contested or revised: the latest of what happened to the decision.',
);

@ObjectType({ description: 'A decision taken in a project, whether carers were consulted, and how it was received.' })
export class Decision {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field({ description: 'The current description (after any revision).' })
  description!: string;

  @Field()
  originalDescription!: string;

  @Field(() => ID, { nullable: true })
  decidedByOrganisationId!: string | null;

  @Field(() => DecidedByRoleEnum)
  decidedByRole!: string;

  @Field()
  affectsCarers!: boolean;

  @Field({ description: 'Whether carers were consulted, as it stands after any revision.' })
  carersConsulted!: boolean;

  @Field()
  originallyCarersConsulted!: boolean;

  @Field(() => CarerInvolvementEnum, {
    nullable: true,
    description:
      'How carers took part, as it stands after any revision; null when the decision does not affect carers, or for one recorded before levels were (consulted, rung unknown).',
  })
  carerInvolvement!: string | null;

  @Field(() => [ID], { description: 'The activities the decision covers, in the order given (none: empty).' })
  activityIds!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The first activity the decision covers, or null.',
    deprecationReason: 'Use activityIds: a decision may cover several activities.',
  })
  activityId!: string | null;

  @Field()
  takenAt!: Date;

  @Field(() => DecisionStatusEnum)
  status!: string;

  @Field(() => Int)
  contestedCount!: number;

  @Field(() => Int, { description: 'Contestations by carers.' })
  contestedByCarersCount!: number;

  @Field(() => Date, { nullable: true })
  lastContestedAt!: Date | null;

  @Field(() => Int)
  revisionCount!: number;

  @Field(() => Date, { nullable: true })
  lastRevisedAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastRevisionReason!: string | null;
}

@ObjectType()
export class DecisionConnection extends Connection(Decision, 'Decision') {}
