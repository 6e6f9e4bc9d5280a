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

/** The four signals per month or quarter of the pilot, each with its indicator breakdown. */
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
  }
`);
