/**
 * Rows in PostgreSQL's COPY text format, for `SqlExecutor.copyIn`: the database's bulk path, which
 * parses a tab-separated line per row instead of a JSON document per batch. Measured on a rebuild
 * of every projection over 100k events on PostgreSQL: parsing the JSON parameters of
 * `json_to_recordset` took 29% of the server's CPU samples (`pg_parse_json`, perf).
 *
 * Values become text as `json_to_recordset` would have read the same row sent as JSON, so a writer
 * can switch between the two without changing what lands: null, undefined and non-finite numbers
 * are NULL; `json`/`jsonb` columns hold the value's JSON; other objects (a Date included) their
 * JSON text unquoted; everything else its string.
 */
export type CopyColumns = readonly (readonly [name: string, type: string])[];

const NULL = '\\N';
const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Backslash, newline, carriage return and tab are the characters COPY text reads specially. */
function escape(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (character) => ESCAPES[character]!) : text;
}

function field(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return NULL;
  if (json) return escape(JSON.stringify(value));
  switch (typeof value) {
    case 'string':
      return escape(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : NULL;
    case 'boolean':
    case 'bigint':
      return String(value);
    default: {
      // JSON.stringify of a Date is its ISO string, quoted; as text it loses the quotes.
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) return NULL;
      return escape(text.startsWith('"') ? (JSON.parse(text) as string) : text);
    }
  }
}

/** One line per row, its values in the order of `columns`, each line ending in a newline. */
export function copyText(rows: readonly object[], columns: CopyColumns): string {
  const json = columns.map(([, type]) => type === 'json' || type === 'jsonb');
  const lines: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Readonly<Record<string, unknown>>;
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) line += '\t';
      line += field(row[columns[c]![0]], json[c]!);
    }
    lines[r] = line;
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
