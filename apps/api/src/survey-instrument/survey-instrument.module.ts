import { Module } from '@nestjs/common';

/** GraphQL mutations of the survey-instrument aggregate (resolver added in its own change). */
@Module({})
export class SurveyInstrumentModule {}
