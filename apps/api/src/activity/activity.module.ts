import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { ActivityResolver } from './activity.resolver.js';
import {
  ActivityAttendanceFieldsResolver,
  ActivityQueriesResolver,
  ProjectActivitiesResolver,
  SurveySummaryFieldsResolver,
} from './activity.queries.resolver.js';

/** GraphQL mutations of the activity aggregate, and the queries of activities with their attendance and feedback. */
@Module({
  imports: [ReadSideModule],
  providers: [
    ActivityResolver,
    ActivityAttendanceFieldsResolver,
    ActivityQueriesResolver,
    ProjectActivitiesResolver,
    SurveySummaryFieldsResolver,
  ],
})
export class ActivityModule {}
