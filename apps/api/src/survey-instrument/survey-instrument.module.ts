import { Module } from '@nestjs/common';
import { SurveyInstrumentResolver } from './survey-instrument.resolver.js';

/** GraphQL mutations of the survey-instrument aggregate. */
@Module({ providers: [SurveyInstrumentResolver] })
export class SurveyInstrumentModule {}
