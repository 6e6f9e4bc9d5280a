/** The query parameters of `POST /imports`. */
export interface ImportOptions {
  /** Report what each line would do, and write nothing. */
  readonly dryRun: boolean;
  /** The first line to run (1-based): resuming an interrupted import. */
  readonly from: number;
  /** Take each line's `knownSince` into its events' metadata (admins only). */
  readonly keepKnownSince: boolean;
}

export class ImportOptionError extends Error {}

const flag = (name: string, value: unknown): boolean => {
  if (value === undefined || value === 'false') return false;
  if (value === 'true' || value === '') return true;
  throw new ImportOptionError(`${name} must be true or false`);
};

/** Reads the options from the query string, refusing anything it does not understand. */
export function parseImportOptions(query: Record<string, unknown>): ImportOptions {
  const unknown = Object.keys(query).find((key) => !['dryRun', 'from', 'keepKnownSince'].includes(key));
  if (unknown !== undefined)
    throw new ImportOptionError(`Unknown option ${unknown}: the options are dryRun, from and keepKnownSince`);
  const from = query.from === undefined ? 1 : typeof query.from === 'string' ? Number(query.from) : NaN;
  if (!Number.isSafeInteger(from) || from < 1 || (typeof query.from === 'string' && !/^\d+$/.test(query.from)))
    throw new ImportOptionError('from must be a line number from 1');
  return { dryRun: flag('dryRun', query.dryRun), from, keepKnownSince: flag('keepKnownSince', query.keepKnownSince) };
}
