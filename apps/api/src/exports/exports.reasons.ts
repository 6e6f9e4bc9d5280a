import { reasonError, type AnyReasonList } from '#domain';

/** Reasons of the export endpoints' own checks (docs/data-tools.md); everything else is refused as over GraphQL. */
export const EXPORT_ERROR_REASONS = {
  DATASET_NOT_FOUND: {
    category: 'not_found',
    description:
      'The export URL names no dataset of that scope (`details.dataset`): see docs/data-tools.md for the datasets of a project and of a territory.',
  },
  FORMAT_NOT_SUPPORTED: {
    category: 'invalid',
    description: 'The dataset is not exported in that format (`details.format`): tables are `csv` or `ndjson`.',
  },
  TIME_TRAVEL_NOT_SUPPORTED: {
    category: 'invalid',
    description:
      'The dataset is read as it stands now, like its GraphQL query, which takes no such argument (`details.field`: `asOf` or `knownAt`).',
  },
  INVALID_EXPORT_ARGUMENT: {
    category: 'invalid',
    description:
      'A query parameter of an export is not valid (`details.field`): dates are ISO 8601, `granularity` MONTH or QUARTER, `framework` `<id>:<version>`.',
  },
  HISTORY_NOT_REPLAYABLE: {
    category: 'conflict',
    description:
      'The project holds events no mutation can record again (a cancellation stored before the decision-maker was recorded reads `decidedByRole: unknown`, which `cancelActivity` does not take): `history.ndjson` is refused before its first byte rather than made up or cut short; `details.events` names up to ten as `<eventId> (<type>.<field>)`, `details.count` how many.',
  },
} as const satisfies AnyReasonList;

export const exportError = reasonError(EXPORT_ERROR_REASONS);
