import { Module } from '@nestjs/common';
import { AssessmentReportResolver } from './assessment-report.resolver.js';
import { AssessmentReportService } from './assessment-report.service.js';

/** The assessment report of a project, computed at query time from the signal and report facts. */
@Module({ providers: [AssessmentReportService, AssessmentReportResolver] })
export class AssessmentReportModule {}
