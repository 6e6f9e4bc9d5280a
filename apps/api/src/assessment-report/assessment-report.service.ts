import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { AssessmentReportReader } from '#read-models/report';

/** The assessment report reader over the read-model database. */
@Injectable()
export class AssessmentReportService {
  readonly reader: AssessmentReportReader;

  constructor(@Inject(OPERATIONAL_DATABASE) database: SqlDatabase, @Inject(APP_CONFIG) config: AppConfig) {
    this.reader = new AssessmentReportReader(database, { reportsKept: config.readResultsKept });
  }
}
