import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
import {
  ID_PATTERN,
  idMessage,
  SURVEY_INSTRUMENT_MEASURES,
  SURVEY_INSTRUMENT_RESPONDENTS,
  type SurveyInstrumentMeasure,
  type SurveyInstrumentRespondents,
} from '#domain';
import { CommandInput } from '../command-side/command-input.js';
import { enumFromValues } from '../command-side/graphql-enums.js';

export const SurveyInstrumentMeasureEnum = enumFromValues(
  'SurveyInstrumentMeasure',
  SURVEY_INSTRUMENT_MEASURES,
  "What an instrument's scores feed: the satisfaction or the understanding indicators, or neither.",
);

export const SurveyInstrumentRespondentsEnum = enumFromValues(
  'SurveyInstrumentRespondents',
  SURVEY_INSTRUMENT_RESPONDENTS,
  "Who answers an instrument: carers (their scores are carers' own facts, withheld in small groups) or the members of the partner organisations.",
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

  @Field(() => SurveyInstrumentRespondentsEnum, {
    nullable: true,
    description:
      'Who answers it: carers (the default: satisfaction, quizzes, the engagement-quality scale) or partner members (partnership synergy, collaboration factors).',
  })
  @IsOptional()
  @IsIn(SURVEY_INSTRUMENT_RESPONDENTS)
  respondents?: SurveyInstrumentRespondents | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The wording of each item, in order (exactly itemCount texts); omit when only the count is known.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  items?: string[] | null;
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

@InputType({
  description:
    "One respondent's answers to an instrument outside any activity (e.g. a partnership synergy questionnaire). Give exactly one of carerId and memberId: pseudonymous ids, never names.",
})
export class RecordInstrumentResponseInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to an id derived from commandId, or a new UUID.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('responseId') })
  responseId?: string | null;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: idMessage('projectId') })
  projectId!: string;

  @Field(() => ID, { description: 'A registered, not retired, survey instrument.' })
  @IsString()
  @Length(1, 100)
  @Matches(INSTRUMENT_ID, { message: INSTRUMENT_ID_MESSAGE })
  instrumentId!: string;

  @Field(() => ID, { nullable: true, description: "A carer of the project, for a carers' instrument." })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('carerId') })
  carerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "A current member of a partner organisation of the project, for a partner members' instrument.",
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: idMessage('memberId') })
  memberId?: string | null;

  @Field(() => [Int], { description: "One answer per item of the instrument, in order, on the instrument's scale." })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  answers!: number[];
}
