import { parseCsv } from './csv.js';
import type { ImportLine, Template } from './templates.js';

export interface Conversion {
  readonly lines: readonly ImportLine[];
  /** Rows that are no command (an absent carer), by CSV line. */
  readonly skipped: readonly { readonly row: number; readonly why: string }[];
  /** Rows that cannot be converted, by CSV line, with every problem. */
  readonly problems: readonly { readonly row: number; readonly problems: readonly string[] }[];
}

/**
 * Turns a filled-in template (header row, then one record per row) into the NDJSON lines of an
 * import. Every row is read: the caller writes the lines only if no row has a problem, so a sheet
 * is imported whole or corrected first, never half.
 */
export function convertCsv(template: Template, text: string): Conversion {
  const [header, ...rows] = parseCsv(text);
  if (!header) return { lines: [], skipped: [], problems: [{ row: 1, problems: ['the file is empty'] }] };
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = template.required.filter((column) => !columns.includes(column));
  const unknown = columns.filter(
    (column) =>
      !template.columns.includes(column) && !(template.name === 'survey-answers' && /^answer_\d+$/.test(column)),
  );
  if (missing.length > 0 || unknown.length > 0)
    return {
      lines: [],
      skipped: [],
      problems: [
        {
          row: header.line,
          problems: [
            ...missing.map((column) => `the header has no ${column} column`),
            ...unknown.map((column) => `the header has an unknown column ${column} (${template.columns.join(', ')})`),
          ],
        },
      ],
    };
  const lines: ImportLine[] = [];
  const skipped: { row: number; why: string }[] = [];
  const problems: { row: number; problems: string[] }[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    if (cells.length > columns.length) {
      problems.push({ row: line, problems: [`the row has ${cells.length} cells for ${columns.length} columns`] });
      continue;
    }
    const record = Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
    const key = JSON.stringify(cells.map((cell) => cell.trim()));
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const result = template.convert(record, occurrence);
    if ('line' in result) lines.push(result.line);
    else if ('skipped' in result) skipped.push({ row: line, why: result.skipped });
    else problems.push({ row: line, problems: [...result.problems] });
  }
  return { lines, skipped, problems };
}
