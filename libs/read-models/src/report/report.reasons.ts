import { reasonError, type AnyReasonList } from '#domain';

/** Reasons of the assessment report query (docs/assessment-report.md). */
export const REPORT_ERROR_REASONS = {
  INVALID_PROJECT_ID: {
    category: 'invalid',
    description: '`projectId` is not an id of 1 to 100 characters.',
  },
} as const satisfies AnyReasonList;

export const assessmentReportError = reasonError(REPORT_ERROR_REASONS);
