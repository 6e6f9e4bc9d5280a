/** One line of an NDJSON body, numbered from 1 as an editor numbers the file's lines. */
export type BodyLine =
  { readonly number: number; readonly text: string } | { readonly number: number; readonly tooLong: true };

const NEWLINE = 0x0a;

/**
 * Splits a streamed body into lines as they arrive, so an import starts before its file is
 * uploaded and never holds more than one line. A line over `limitBytes` is reported as too long
 * (and its bytes dropped) rather than buffered. Blank lines keep their number but are not
 * yielded; `\r\n` endings are accepted. Splitting on the newline byte is safe in UTF-8: no
 * multi-byte character contains it.
 */
export async function* ndjsonLines(body: AsyncIterable<Buffer | string>, limitBytes: number): AsyncGenerator<BodyLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  function* end(): Generator<BodyLine> {
    number++;
    if (tooLong) yield { number, tooLong: true };
    else {
      const text = Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
      if (text.trim().length > 0) yield { number, text };
    }
    parts = [];
    size = 0;
    tooLong = false;
  }
  for await (const chunk of body) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let at = buffer.indexOf(NEWLINE); at !== -1; at = buffer.indexOf(NEWLINE)) {
      keep(buffer.subarray(0, at));
      yield* end();
      buffer = buffer.subarray(at + 1);
    }
    keep(buffer);
  }
  if (size > 0 || tooLong) yield* end();

  function keep(part: Buffer): void {
    if (tooLong || part.length === 0) return;
    size += part.length;
    if (size > limitBytes) {
      tooLong = true;
      parts = [];
    } else parts.push(part);
  }
}
