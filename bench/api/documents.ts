/**
 * The GraphQL documents `bench:api` sends: the dashboard's own operations where it has one
 * (apps/web/src/views: the signals view's series, the report view, the records view's activities
 * with the attendance view's fields), the e2e tests' shapes otherwise (test/signals.e2e-spec.ts).
 */

/** The server's own floor: authenticated, parsed, validated, guarded, answered without I/O. */
export const FLOOR = '{ __typename }';

/** The dashboard's `SignalsViewSignal` fragment (apps/web/src/views/signals/signals-queries.ts). */
const SIGNAL_FRAGMENT = `
fragment BenchSignal on Signal {
  key
  label
  value
  previousValue
  suppressed
  suppressionReason
  warnBelow
  carerCount
  note
  includedWeight
  totalWeight
  breakdown {
    key
    label
    formula
    value
    numerator
    numeratorLabel
    denominator
    denominatorLabel
    weight
    effectiveWeight
    included
    carerCount
    suppressed
    suppressionReason
  }
}`;

const SIGNAL_REPORT = `
  scope { projectId territoryId }
  window { from to }
  asOf
  knownAt
  carerCount
  suppressed
  framework { id name version source }
  trust { ...BenchSignal }
  engagement { ...BenchSignal }
  partnershipCohesion { ...BenchSignal }
  coCreationBalance { ...BenchSignal }
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

/** The dashboard's `DashboardSignalSeries` (the project signals view), by month over the pilot. */
export const SIGNAL_SERIES = `
query BenchSignalSeries($projectId: ID!, $from: DateTime!, $to: DateTime!, $granularity: SignalGranularity!) {
  signalSeries(scope: { projectId: $projectId }, from: $from, to: $to, granularity: $granularity) {
    asOf
    knownAt
    granularity
    framework { id name version source }
    periods {
      window { from to }
      suppressed
      trust { ...BenchSignal }
      engagement { ...BenchSignal }
      partnershipCohesion { ...BenchSignal }
      coCreationBalance { ...BenchSignal }
      warnings { kind signal message }
    }
  }
}
${SIGNAL_FRAGMENT}`;

const REPORT_SCORE = 'average answered carerCount suppressed suppressionReason target { description value met }';
const REPORT_FIGURES = `held cancelled attendances averageAttendees distinctAttendees carerCount suppressed suppressionReason
  understanding { ${REPORT_SCORE} } satisfaction { ${REPORT_SCORE} }`;
const COUNTERS = 'readings likes visits downloads shares';

/** The dashboard's `ReportViewReport` (the report view), over the whole project. */
export const ASSESSMENT_REPORT = `
query BenchAssessmentReport($projectId: ID!) {
  assessmentReport(projectId: $projectId) {
    projectId
    asOf
    knownAt
    window { from to }
    defaultWindow
    pilotMonthsInWindow
    carerCount
    suppressed
    newPatientsInformed
    settings {
      eligibleCarers pilotEnd pilotMonths startsOn
      targets { committeeEveryMonths peerMeetingsPerMonth reachShare satisfactionThreshold trainingCoursesPerMonth understandingThreshold }
    }
    activities { kind ${REPORT_FIGURES} target { description value met } }
    overall { ${REPORT_FIGURES} }
    goals {
      total reached partiallyReached unfulfilled notAssessed selfOrganisingSince
      selfOrganising { description value met }
      goals { goalId description outcome assessedAt reassessed }
    }
    channels { channelId kind name ${COUNTERS} newPatientsInformed retired }
    channelTotals { ${COUNTERS} }
    reach { distinctCarers eligible share target targetCarers met carerCount suppressed suppressionReason }
  }
}`;

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
