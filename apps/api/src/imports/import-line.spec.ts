import { describe, expect, it } from '@jest/globals';
import { parseImportLine, type LineRules, type MutationKind } from './import-line.js';
import { parseImportOptions } from './import-options.js';
import { ndjsonLines, type BodyLine } from './ndjson-lines.js';

const KINDS: Record<string, MutationKind> = {
  recordCarerAttendance: 'importable',
  rebuildProjection: 'not_importable',
};
const rules = (keepKnownSince = false): LineRules => ({
  mutationKind: (name) => KINDS[name] ?? 'unknown',
  keepKnownSince,
});
const input = { activityId: 'a-1', carerId: 'c-1' };
const reasonOf = (text: string, keep = false) => {
  const parsed = parseImportLine(text, rules(keep));
  return 'refusal' in parsed ? parsed.refusal.coded.reason : null;
};

describe('parseImportLine: one NDJSON line of an import', () => {
  it('reads the mutation and exactly its input', () => {
    expect(parseImportLine(JSON.stringify({ mutation: 'recordCarerAttendance', input }), rules())).toEqual({
      command: { mutation: 'recordCarerAttendance', input, knownSince: null },
    });
  });

  it('refuses what is not a JSON object, with where the parse failed', () => {
    const parsed = parseImportLine('{"mutation": ', rules());
    expect(parsed).toMatchObject({ refusal: { coded: { reason: 'LINE_NOT_JSON' } } });
    expect('refusal' in parsed && parsed.refusal.details?.error).toBeTruthy();
    expect(reasonOf('[1, 2]')).toBe('LINE_NOT_JSON');
    expect(reasonOf('"recordCarerAttendance"')).toBe('LINE_NOT_JSON');
  });

  it('refuses a line that is not a command, naming the field', () => {
    expect(parseImportLine(JSON.stringify({ input }), rules())).toMatchObject({
      refusal: { coded: { reason: 'LINE_NOT_A_COMMAND' }, details: { field: 'mutation' } },
    });
    expect(parseImportLine(JSON.stringify({ mutation: 'recordCarerAttendance', input: [] }), rules())).toMatchObject({
      refusal: { coded: { reason: 'LINE_NOT_A_COMMAND' }, details: { field: 'input' } },
    });
    expect(
      parseImportLine(JSON.stringify({ mutation: 'recordCarerAttendance', input, note: 'x' }), rules()),
    ).toMatchObject({ refusal: { coded: { reason: 'LINE_NOT_A_COMMAND' }, details: { field: 'note' } } });
  });

  it('tells an unknown mutation from one an import may not run', () => {
    expect(reasonOf(JSON.stringify({ mutation: 'recordAttendance', input }))).toBe('MUTATION_UNKNOWN');
    expect(reasonOf(JSON.stringify({ mutation: 'rebuildProjection', input: {} }))).toBe('MUTATION_NOT_IMPORTABLE');
  });

  it('keeps knownSince only when the import keeps it, as a date-time with its zone', () => {
    const line = (knownSince: unknown) => JSON.stringify({ mutation: 'recordCarerAttendance', input, knownSince });
    expect(reasonOf(line('2025-03-01T10:00:00Z'))).toBe('KNOWN_SINCE_NOT_KEPT');
    expect(parseImportLine(line('2025-03-01T10:00:00+01:00'), rules(true))).toEqual({
      command: { mutation: 'recordCarerAttendance', input, knownSince: new Date('2025-03-01T09:00:00.000Z') },
    });
    expect(reasonOf(line('2025-03-01'), true)).toBe('KNOWN_SINCE_INVALID');
    expect(reasonOf(line('2025-03-01T10:00:00'), true)).toBe('KNOWN_SINCE_INVALID');
    expect(reasonOf(line(20250301), true)).toBe('KNOWN_SINCE_INVALID');
    // null or absent: nothing to keep, under either option.
    expect(reasonOf(line(null))).toBe(null);
  });
});

describe('ndjsonLines: a streamed body, line by line', () => {
  async function* chunks(...parts: string[]) {
    for (const part of parts) yield Buffer.from(part, 'utf8');
  }
  const all = async (body: AsyncIterable<Buffer>, limit = 100) => {
    const lines: BodyLine[] = [];
    for await (const line of ndjsonLines(body, limit)) lines.push(line);
    return lines;
  };

  it('numbers lines as the file does, across chunks, skipping blank lines and CRs', async () => {
    expect(await all(chunks('{"a":1}\r\n\n{"b', '":"é"}\n', '  \n{"c":3}'))).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 3, text: '{"b":"é"}' },
      { number: 5, text: '{"c":3}' },
    ]);
  });

  it('keeps a character whose bytes arrive in two chunks', async () => {
    const bytes = Buffer.from('"é"\n', 'utf8');
    async function* split() {
      yield bytes.subarray(0, 2);
      yield bytes.subarray(2);
    }
    expect(await all(split())).toEqual([{ number: 1, text: '"é"' }]);
  });

  it('reports a line over the limit as too long and carries on after it', async () => {
    expect(await all(chunks('x'.repeat(6), 'x'.repeat(6), '\n{}\n'), 10)).toEqual([
      { number: 1, tooLong: true },
      { number: 2, text: '{}' },
    ]);
  });
});

describe('parseImportOptions', () => {
  it('reads dryRun, from and keepKnownSince, with their defaults', () => {
    expect(parseImportOptions({})).toEqual({ dryRun: false, from: 1, keepKnownSince: false });
    expect(parseImportOptions({ dryRun: 'true', from: '12', keepKnownSince: 'false' })).toEqual({
      dryRun: true,
      from: 12,
      keepKnownSince: false,
    });
  });

  it('refuses what it does not understand', () => {
    expect(() => parseImportOptions({ from: '0' })).toThrow('from must be a line number from 1');
    expect(() => parseImportOptions({ from: '1.5' })).toThrow('from must be a line number from 1');
    expect(() => parseImportOptions({ dryRun: 'yes' })).toThrow('dryRun must be true or false');
    expect(() => parseImportOptions({ dry_run: 'true' })).toThrow('Unknown option dry_run');
  });
});
