import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { SurveyInstrumentResolver } from './survey-instrument.resolver.js';
import { SurveyInstrumentQueriesResolver } from './survey-instrument.queries.resolver.js';

/** GraphQL mutations of the survey-instrument aggregate, and the queries of instruments. */
@Module({
  imports: [ReadSideModule],
  providers: [SurveyInstrumentResolver, SurveyInstrumentQueriesResolver],
})
export class SurveyInstrumentModule {}
