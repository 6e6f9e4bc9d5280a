import type { Actor } from '#event-store';
import { roundAssessmentReport, suppressAssessmentReport, type AssessmentReport } from '#read-models/report';
import {
  reportForRestrictedRole,
  seriesForRestrictedRole,
  type SignalReport,
  type SignalSeries,
} from '#read-models/signals';
import { mayIdentifyCarers } from './roles.js';

/*
 * What a caller is shown of the aggregates, wherever they leave the API (GraphQL queries, exports):
 * roles that may not identify carers get aggregates over small groups withheld and the rest of the
 * carer-derived figures rounded (docs/security.md, "Small groups" and "Differencing"); providers
 * get every figure as computed.
 */

export function signalReportFor(actor: Actor, report: SignalReport, minCarers: number): SignalReport {
  return mayIdentifyCarers(actor) ? report : reportForRestrictedRole(report, minCarers);
}

export function signalSeriesFor(actor: Actor, series: SignalSeries, minCarers: number): SignalSeries {
  return mayIdentifyCarers(actor) ? series : seriesForRestrictedRole(series, minCarers);
}

/** The series as every role but providers sees it; open data always gets this one. */
export const restrictedSignalSeries = seriesForRestrictedRole;

/** Suppressed then rounded, so that two reports cannot be subtracted to single a carer out (docs/assessment-report.md). */
export function assessmentReportFor(actor: Actor, report: AssessmentReport, minCarers: number): AssessmentReport {
  return mayIdentifyCarers(actor) ? report : restrictedAssessmentReport(report, minCarers);
}

/** The report as every role but providers sees it; open data always gets this one. */
export function restrictedAssessmentReport(report: AssessmentReport, minCarers: number): AssessmentReport {
  return roundAssessmentReport(suppressAssessmentReport(report, minCarers));
}
