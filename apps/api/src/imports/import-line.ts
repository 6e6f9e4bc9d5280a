import type { ReasonExtensions } from '#domain';
import { importReason } from './imports.reasons.js';

/** One line of an import, understood: the mutation to run with its input. */
export interface ImportCommand {
  readonly mutation: string;
  /** Exactly the mutation's input; the mutation validates it as it validates a GraphQL request. */
  readonly input: Record<string, unknown>;
  /** When the record was first known (keepKnownSince only). */
  readonly knownSince: Date | null;
}

export interface LineRefusal {
  /** The code and reason of the refusal (IMPORT_ERROR_REASONS). */
  readonly coded: ReasonExtensions;
  readonly message: string;
  readonly details?: Record<string, string>;
}

export type ParsedLine = { readonly command: ImportCommand } | { readonly refusal: LineRefusal };

/** What the API knows of a mutation name: importable, a mutation that is not, or none at all. */
export type MutationKind = 'importable' | 'not_importable' | 'unknown';

export interface LineRules {
  readonly mutationKind: (name: string) => MutationKind;
  /** Whether the import keeps `knownSince` (an admin asked for it). */
  readonly keepKnownSince: boolean;
}

const FIELDS = new Set(['mutation', 'input', 'knownSince']);
/** A date-time with its time zone: a migration's "first known" must not depend on the server's zone. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const refused = (coded: ReasonExtensions, message: string, details?: Record<string, string>): ParsedLine => ({
  refusal: { coded, message, ...(details ? { details } : {}) },
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads one NDJSON line of an import: `{"mutation": "<name>", "input": {…}}`, with `"knownSince"`
 * only when the import keeps it. Only the line's shape is checked here; its input is the
 * mutation's business, checked by the same validation as over GraphQL.
 */
export function parseImportLine(text: string, rules: LineRules): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refused(importReason('LINE_NOT_JSON'), 'The line is not JSON', { error: (error as Error).message });
  }
  if (!isObject(value)) return refused(importReason('LINE_NOT_JSON'), 'The line is not a JSON object');
  const extra = Object.keys(value).find((key) => !FIELDS.has(key));
  if (extra !== undefined)
    return refused(
      importReason('LINE_NOT_A_COMMAND'),
      `A line holds mutation, input and knownSince only, not ${extra}`,
      {
        field: extra,
      },
    );
  const { mutation, input, knownSince } = value;
  if (typeof mutation !== 'string' || mutation.length === 0)
    return refused(importReason('LINE_NOT_A_COMMAND'), 'mutation must name a mutation of the API', {
      field: 'mutation',
    });
  if (!isObject(input))
    return refused(importReason('LINE_NOT_A_COMMAND'), `input must be the object ${mutation} takes as its input`, {
      field: 'input',
    });
  const kind = rules.mutationKind(mutation);
  if (kind === 'unknown')
    return refused(importReason('MUTATION_UNKNOWN'), `There is no mutation named ${mutation}`, { mutation });
  if (kind === 'not_importable')
    return refused(
      importReason('MUTATION_NOT_IMPORTABLE'),
      `${mutation} is not a command recorded in the event log that an import may replay; send it over GraphQL`,
      { mutation },
    );
  if (knownSince === undefined || knownSince === null) return { command: { mutation, input, knownSince: null } };
  if (!rules.keepKnownSince)
    return refused(
      importReason('KNOWN_SINCE_NOT_KEPT'),
      'The line carries knownSince: import with keepKnownSince=true (admins) to keep it, or leave it out',
    );
  const at = typeof knownSince === 'string' && ISO_DATE_TIME.test(knownSince) ? new Date(knownSince) : null;
  if (!at || Number.isNaN(at.getTime()))
    return refused(importReason('KNOWN_SINCE_INVALID'), 'knownSince must be an ISO 8601 date-time with its time zone', {
      knownSince: String(knownSince),
    });
  return { command: { mutation, input, knownSince: at } };
}
