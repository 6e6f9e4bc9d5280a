/**
 * The GraphQL documents `bench:api` sends: the dashboard's own operations where it has one (the
 * signals view's series, the report view), printed from the typed documents codegen writes for it
 * (apps/web/src/gql), so the bench measures what the dashboard asks for and follows it when it
 * changes; the series with every period's breakdown, as a whole-series client asks for it; the dashboard's signal fields in the e2e tests' `signals` shape
 * (test/signals.e2e-spec.ts); the records view's activities with the attendance view's fields.
 */
import { print } from 'graphql';
import {
  DashboardSignalSeriesDocument,
  ReportViewReportDocument,
  SignalsViewSignalFragmentDoc,
} from '../../apps/web/src/gql/graphql.js';

/** The server's own floor: authenticated, parsed, validated, guarded, answered without I/O. */
export const FLOOR = '{ __typename }';

/** The dashboard's signal fields, spread as `...SignalsViewSignal` (apps/web/src/views/signals/signals-queries.ts). */
const SIGNAL_FRAGMENT = print(SignalsViewSignalFragmentDoc);

const SIGNAL_REPORT = `
  scope { projectId territoryId }
  window { from to }
  asOf
  knownAt
  carerCount
  suppressed
  framework { id name version source }
  trust { ...SignalsViewSignal }
  engagement { ...SignalsViewSignal }
  partnershipCohesion { ...SignalsViewSignal }
  coCreationBalance { ...SignalsViewSignal }
  warnings { kind signal message value threshold code }`;

/** One project's four signals with their breakdowns, over a window. */
export const SIGNALS = `
query BenchSignals($projectId: ID!, $window: SignalWindowInput) {
  signals(scope: { projectId: $projectId }, window: $window) { ${SIGNAL_REPORT} }
}
${SIGNAL_FRAGMENT}`;

/** The same, as of a past moment: the framework's default window ending with the month of asOf. */
export const SIGNALS_AS_OF = `
query BenchSignalsAsOf($projectId: ID!, $asOf: DateTime!) {
  signals(scope: { projectId: $projectId }, asOf: $asOf) { ${SIGNAL_REPORT} }
}
${SIGNAL_FRAGMENT}`;

/**
 * The dashboard's `DashboardSignalSeries` (the project signals view), by month over the pilot: the
 * four values per period; the view asks for a period's breakdown when it is opened.
 */
export const SIGNAL_SERIES = print(DashboardSignalSeriesDocument);

/**
 * The same series with every period's breakdown and warnings, as the signals view asked for it
 * until 2026-12-07 and as a client reading whole series asks for it (about 300 kB on a 20-month pilot).
 */
export const SIGNAL_SERIES_BREAKDOWNS = `
query BenchSignalSeriesBreakdowns($projectId: ID!, $from: DateTime!, $to: DateTime!, $granularity: SignalGranularity!) {
  signalSeries(scope: { projectId: $projectId }, from: $from, to: $to, granularity: $granularity) {
    asOf
    knownAt
    granularity
    framework { id name version source }
    periods {
      window { from to }
      suppressed
      trust { ...SignalsViewSignal }
      engagement { ...SignalsViewSignal }
      partnershipCohesion { ...SignalsViewSignal }
      coCreationBalance { ...SignalsViewSignal }
      warnings { kind signal message }
    }
  }
}
${SIGNAL_FRAGMENT}`;

/** The dashboard's `ReportViewReport` (the report view); without a window, over the whole project. */
export const ASSESSMENT_REPORT = print(ReportViewReportDocument);

/**
 * A directory page: 100 activities of a project (the records view's `RecordsActivities` fields),
 * each with its attendance (the attendance view's carers by pseudonym and partner representatives).
 */
export const DIRECTORY_PAGE = `
query BenchActivitiesPage($projectId: ID!, $first: Int!) {
  project(id: $projectId) {
    id
    activities(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id kind status topic place scheduledFor originallyScheduledFor rescheduleCount lastRescheduleReason
          startedAt carersAttended registeredCarers representativesAttended
          cancellation { cancelledAt carersConsulted reason decidedByRole decidedByOrganisationId note }
          attendance {
            carerCount
            representativeCount
            carers { carerId pseudonym attendedAt registered }
            representatives { memberId organisationId attendedAt }
          }
        }
      }
    }
  }
}`;

const RESULT = 'id streamId revision position replayed';

export const MAKE_SUGGESTION = `mutation BenchMakeSuggestion($input: MakeSuggestionInput!) { makeSuggestion(input: $input) { ${RESULT} } }`;
export const RECORD_SATISFACTION = `mutation BenchRecordSatisfaction($input: RecordSatisfactionResponseInput!) { recordSatisfactionResponse(input: $input) { ${RESULT} } }`;
export const RECORD_ATTENDANCE = `mutation BenchRecordAttendance($input: RecordCarerAttendanceInput!) { recordCarerAttendance(input: $input) { ${RESULT} } }`;

// Set-up reads (as an admin, or as the writing project's provider), outside the measurements.

/** Every project with its agency (the partner in the service_provider role). */
export const PROJECTS = `
query BenchProjects($after: String) {
  projects(first: 50, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id name territoryId startsOn pilotMonths partners(first: 10) { edges { node { organisationId role } } } } }
  }
}`;

export const PROJECT_HELD_ACTIVITIES = `
query BenchHeldActivities($projectId: ID!, $after: String) {
  project(id: $projectId) {
    activities(first: 100, after: $after, filter: { status: held }) {
      pageInfo { hasNextPage endCursor }
      edges { node { id kind attendance { carers { carerId } } } }
    }
  }
}`;

export const PROJECT_CARERS = `
query BenchCarers($projectId: ID!, $after: String) {
  project(id: $projectId) {
    carers(first: 100, after: $after, filter: { erased: false }) {
      pageInfo { hasNextPage endCursor }
      edges { node { id participationStatus } }
    }
  }
}`;

export const SURVEY_INSTRUMENTS = `
query BenchInstruments($after: String) {
  surveyInstruments(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id itemCount measures status scale { minimum maximum } } }
  }
}`;

export const CATCH_UP = `
{
  eventStore { lastPosition }
  projections { name state checkpoint lagEvents lastError }
}`;
