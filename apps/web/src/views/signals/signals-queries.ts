import { graphql } from '../../gql';

/** When the pilot runs: the window of the series is computed from it (app/periods.ts). */
export const SignalsProjectQuery = graphql(`
  query DashboardSignalsProject($id: ID!) {
    project(id: $id) {
      id
      startsOn
      pilotMonths
    }
  }
`);

export const SignalsViewSignalFields = graphql(`
  fragment SignalsViewSignal on Signal {
    key
    label
    value
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
  }
`);

/** What the table and the chart show of one signal in one period. */
export const SignalsViewPointFields = graphql(`
  fragment SignalsViewPoint on Signal {
    value
    suppressed
    suppressionReason
    warnBelow
  }
`);

/**
 * The four signals per month or quarter of the pilot, values only: the breakdown of a value is
 * asked for when the reader opens it (SignalsBreakdownQuery), so opening the view does not carry
 * every period's indicators, labels and formulas (about 300 kB for a 20-month pilot).
 */
export const SignalsSeriesQuery = graphql(`
  query DashboardSignalSeries(
    $projectId: ID!
    $from: DateTime!
    $to: DateTime!
    $granularity: SignalGranularity!
    $asOf: DateTime
    $knownAt: DateTime
  ) {
    signalSeries(
      scope: { projectId: $projectId }
      from: $from
      to: $to
      granularity: $granularity
      asOf: $asOf
      knownAt: $knownAt
    ) {
      asOf
      knownAt
      granularity
      framework {
        id
        name
        version
        source
      }
      periods {
        window {
          from
          to
        }
        suppressed
        trust {
          ...SignalsViewPoint
        }
        engagement {
          ...SignalsViewPoint
        }
        partnershipCohesion {
          ...SignalsViewPoint
        }
        coCreationBalance {
          ...SignalsViewPoint
        }
      }
    }
  }
`);

/**
 * One period's four signals with their indicators and warnings: the `signals` report over the
 * period's window, which is the series' period itself (the same facts, framework and previous
 * period), under the same asOf and knownAt.
 */
export const SignalsBreakdownQuery = graphql(`
  query DashboardSignalBreakdown($projectId: ID!, $window: SignalWindowInput!, $asOf: DateTime, $knownAt: DateTime) {
    signals(scope: { projectId: $projectId }, window: $window, asOf: $asOf, knownAt: $knownAt) {
      trust {
        ...SignalsViewSignal
      }
      engagement {
        ...SignalsViewSignal
      }
      partnershipCohesion {
        ...SignalsViewSignal
      }
      coCreationBalance {
        ...SignalsViewSignal
      }
      warnings {
        kind
        signal
        message
      }
    }
  }
`);
