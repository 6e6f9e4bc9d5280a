/**
 * Reads CSV as spreadsheets write it (RFC 4180): comma-separated, fields in double quotes when
 * they hold a comma, a quote (doubled) or a line break, CRLF or LF line endings, an optional
 * UTF-8 byte order mark (Excel's "CSV UTF-8"). Returns the rows with the line each one starts on.
 */
export function parseCsv(text: string): { readonly line: number; readonly cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRow = () => {
    cells.push(cell);
    // A row with nothing in it (a trailing newline, an empty line) is no record.
    if (cells.some((value) => value.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += char;
  }
  if (quoted) throw new CsvError(`A quoted field opened on line ${rowLine} is never closed`);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

export class CsvError extends Error {}
