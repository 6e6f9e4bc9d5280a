import type { TableDataset } from '../dataset.js';
import { activitiesDataset, attendanceDataset } from './activities.js';
import { assessmentReportDataset } from './assessment-report.js';
import { auditDataset } from './audit.js';
import { codedObservationsDataset } from './coded-observations.js';
import { decisionsDataset, suggestionsDataset } from './decisions.js';
import { signalSeriesDataset } from './signal-series.js';
import { warningsDataset } from './warnings.js';

/** Every table an export can serve, in the order docs/data-tools.md lists them. */
export const TABLE_DATASETS: readonly TableDataset[] = [
  signalSeriesDataset,
  assessmentReportDataset,
  activitiesDataset,
  attendanceDataset,
  decisionsDataset,
  suggestionsDataset,
  codedObservationsDataset,
  warningsDataset,
  auditDataset,
];

export const tableDataset = (name: string): TableDataset | undefined =>
  TABLE_DATASETS.find((dataset) => dataset.name === name);
