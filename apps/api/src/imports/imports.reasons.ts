import { reasonExtensions, type AnyReasonList } from '#domain';
import { CODE_BY_CATEGORY } from '../command-side/error-codes.js';

/**
 * Reasons of `POST /imports` (docs/data-tools.md): for the whole request, in its HTTP error body
 * `{"error": {"code", "reason", "message"}}` before any line runs; for one line, as the `code` of
 * that line's result, the other lines running on. A line the mutation itself refuses carries the
 * mutation's own reason instead (the same as over GraphQL).
 */
export const IMPORT_ERROR_REASONS = {
  IMPORT_OPTION_INVALID: {
    category: 'invalid',
    description:
      'A query parameter of `POST /imports` is not understood: `dryRun` and `keepKnownSince` take `true` or `false`, `from` a line number from 1 (HTTP 400).',
  },
  IMPORT_NOT_NDJSON: {
    category: 'invalid',
    description:
      'The body of `POST /imports` was sent as JSON or a form: send the NDJSON file as it is, as `application/x-ndjson` (HTTP 415).',
  },
  KNOWN_SINCE_ADMIN_ONLY: {
    category: 'forbidden',
    description:
      "`keepKnownSince=true` was asked by a caller who is not an admin: only an admin's migration may say when records were first known (HTTP 403).",
  },
  LINE_NOT_JSON: {
    category: 'invalid',
    description: 'The line is not a JSON object (`details.error` says where the parse failed).',
  },
  LINE_NOT_A_COMMAND: {
    category: 'invalid',
    description:
      'The line is JSON but not `{"mutation": "<name>", "input": {…}}` (with `knownSince` only under keepKnownSince); `details.field` names what is wrong.',
  },
  LINE_TOO_LONG: {
    category: 'invalid',
    description: 'The line is longer than the request body limit (`details.limit`, bytes).',
  },
  MUTATION_UNKNOWN: {
    category: 'invalid',
    description: 'The line names no mutation of the API (`details.mutation`).',
  },
  MUTATION_NOT_IMPORTABLE: {
    category: 'invalid',
    description:
      "The line names a mutation that is not a command recorded in the event log (projections admin, API keys, signal framework registration) or that changes a carer's sealed identity (`updateCarerPersonalData`): send it over GraphQL (`details.mutation`).",
  },
  KNOWN_SINCE_NOT_KEPT: {
    category: 'invalid',
    description:
      'The line carries `knownSince` and the import was not asked to keep it (`keepKnownSince=true`, admins only): refused rather than silently dropped.',
  },
  PERSONAL_DATA_IN_MIGRATION: {
    category: 'forbidden',
    description:
      "A migration (an admin's import with `keepKnownSince=true`) sent a carer's `personalData`: admins never handle carers' identity, so a migration registers carers by pseudonym and the registering provider enters their personal data afterwards with `updateCarerPersonalData`.",
  },
  KNOWN_SINCE_INVALID: {
    category: 'invalid',
    description: '`knownSince` is not an ISO 8601 date-time with a time zone (`details.knownSince`).',
  },
} as const satisfies AnyReasonList;

export type ImportReason = keyof typeof IMPORT_ERROR_REASONS;

export const importReason = reasonExtensions(IMPORT_ERROR_REASONS, CODE_BY_CATEGORY);
