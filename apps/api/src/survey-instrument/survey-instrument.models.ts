import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { enumFromValues } from '../command-side/graphql-enums.js';
import { Connection } from '../read-side/pagination.js';
import { SurveyInstrumentMeasureEnum, SurveyInstrumentRespondentsEnum } from './survey-instrument.inputs.js';

export const SURVEY_INSTRUMENT_STATUSES = ['active', 'retired'] as const;
export const SurveyInstrumentStatusEnum = enumFromValues('SurveyInstrumentStatus', SURVEY_INSTRUMENT_STATUSES);

@ObjectType()
export class SurveyScaleLabel {
  @Field(() => Int)
  value!: number;

  @Field()
  label!: string;
}

@ObjectType({ description: 'The answer range shared by every item of an instrument.' })
export class SurveyScale {
  @Field(() => Int)
  minimum!: number;

  @Field(() => Int)
  maximum!: number;

  @Field(() => [SurveyScaleLabel], { nullable: true })
  labels!: SurveyScaleLabel[] | null;
}

@ObjectType({ description: 'A survey or quiz instrument: its items, its scale and what it measures.' })
export class SurveyInstrument {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => SurveyInstrumentMeasureEnum)
  measures!: string;

  @Field(() => Int)
  itemCount!: number;

  @Field(() => SurveyInstrumentRespondentsEnum, {
    description: "Who answers it: carers (scores withheld in small groups) or partner organisations' members.",
  })
  respondents!: string;

  @Field(() => [String], { nullable: true, description: 'The wording of each item, in order; null when not given.' })
  items!: string[] | null;

  @Field(() => SurveyScale)
  scale!: SurveyScale;

  @Field(() => SurveyInstrumentStatusEnum)
  status!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true })
  retirementReason!: string | null;
}

@ObjectType()
export class SurveyInstrumentConnection extends Connection(SurveyInstrument, 'SurveyInstrument') {}
