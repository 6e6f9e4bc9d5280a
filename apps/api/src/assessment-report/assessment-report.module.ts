import { Module } from '@nestjs/common';

/** The assessment report of a project (filled in by its own change). */
@Module({})
export class AssessmentReportModule {}
