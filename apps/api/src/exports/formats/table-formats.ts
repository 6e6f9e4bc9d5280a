import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Column, Row } from '../dataset.js';

export const TABLE_FORMATS = ['csv', 'ndjson'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<TableFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * CSV: a header of the column names, then one line per row (RFC 4180 quoting by csv-stringify);
 * booleans as true/false and empty fields for null, as R's read.csv and pandas read them.
 */
export function csvTransform(columns: readonly Column[]): Transform {
  return stringify({
    header: true,
    columns: columns.map((column) => ({ key: column.name, header: column.name })),
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

/** NDJSON: one JSON object per line, keys in column order, null kept as null. */
export function ndjsonTransform(): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(row: Row, _encoding, done) {
      done(null, `${JSON.stringify(row)}\n`);
    },
  });
}

export function tableTransform(format: TableFormat, columns: readonly Column[]): Transform {
  return format === 'csv' ? csvTransform(columns) : ndjsonTransform();
}

/** The whole table as CSV text, same dialect (for the members of a ZIP, which are small aggregates). */
export function csvText(columns: readonly Column[], rows: readonly Row[]): string {
  return stringifySync([...rows], {
    header: true,
    columns: columns.map((column) => ({ key: column.name, header: column.name })),
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}
