import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SURVEY_INSTRUMENT_MEASURES, type SurveyInstrumentMeasure } from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

export const SurveyInstrumentMeasureEnum = enumFromValues(
  'SurveyInstrumentMeasure',
  SURVEY_INSTRUMENT_MEASURES,
  "What an instrument's scores feed: the satisfaction or the understanding indicators, or neither.",
);

/** Instrument ids are readable slugs (e.g. `peer-satisfaction-v1`) or UUIDs. */
const INSTRUMENT_ID = /^[A-Za-z0-9_.:-]+$/;
const INSTRUMENT_ID_MESSAGE = 'instrumentId may only contain letters, digits and _ . : -';

@InputType({ description: 'A label for one point of the scale, e.g. 4 = "completely satisfied".' })
export class SurveyScaleLabelInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  value!: number;

  @Field()
  @IsString()
  @Length(1, 100)
  label!: string;
}

@InputType({ description: 'The answer range shared by every item, e.g. 1..4; a normalised score is answer / maximum.' })
export class SurveyScaleInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(99)
  minimum!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100)
  maximum!: number;

  @Field(() => [SurveyScaleLabelInput], { nullable: true, description: 'Omit or null for an unlabelled scale.' })
  @IsOptional()
  @ArrayMaxSize(101)
  @ValidateNested({ each: true })
  @Type(() => SurveyScaleLabelInput)
  labels?: SurveyScaleLabelInput[] | null;
}

@InputType()
export class RegisterSurveyInstrumentInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(INSTRUMENT_ID, { message: INSTRUMENT_ID_MESSAGE })
  instrumentId?: string | null;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string | null;

  @Field(() => SurveyInstrumentMeasureEnum)
  @IsIn(SURVEY_INSTRUMENT_MEASURES)
  measures!: SurveyInstrumentMeasure;

  @Field(() => Int, { description: 'How many items (questions) the instrument has, e.g. 13.' })
  @IsInt()
  @Min(1)
  @Max(100)
  itemCount!: number;

  @Field(() => SurveyScaleInput)
  @ValidateNested()
  @Type(() => SurveyScaleInput)
  scale!: SurveyScaleInput;
}

@InputType()
export class RetireSurveyInstrumentInput extends CommandInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 100)
  @Matches(INSTRUMENT_ID, { message: INSTRUMENT_ID_MESSAGE })
  instrumentId!: string;

  @Field()
  @IsString()
  @Length(1, 500)
  reason!: string;
}
