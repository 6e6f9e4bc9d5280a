import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { SURVEY_INSTRUMENT_MEASURES } from '#domain';
import { SurveyInstrumentMeasureEnum } from './survey-instrument.inputs.js';
import { SURVEY_INSTRUMENT_STATUSES, SurveyInstrumentStatusEnum } from './survey-instrument.models.js';

/** Every filter field is optional; the fields given combine with AND. */

@InputType()
export class SurveyInstrumentFilterInput {
  @Field(() => SurveyInstrumentMeasureEnum, { nullable: true })
  @IsOptional()
  @IsIn(SURVEY_INSTRUMENT_MEASURES)
  measures?: string | null;

  @Field(() => SurveyInstrumentStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(SURVEY_INSTRUMENT_STATUSES)
  status?: string | null;
}
