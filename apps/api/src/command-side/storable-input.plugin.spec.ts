import { describe, expect, it } from '@jest/globals';
import { buildSchema, type GraphQLInputType } from 'graphql';
import { isUnstorableDate, unstorableDateAt, unstorableTextAt } from './storable-input.plugin.js';

describe('unstorableTextAt', () => {
  it('accepts any well-formed text, emoji and combining marks included', () => {
    expect(unstorableTextAt({ a: 'Ça va 👩‍👩‍👧‍👦 e\u0301', b: ['\u202Eok', { c: '日本語' }] }, '$')).toBeNull();
  });

  it('finds U+0000 and unpaired surrogates in values and keys, however deep', () => {
    expect(unstorableTextAt({ a: 'x\u0000y' }, '$')).toBe('$.a');
    expect(unstorableTextAt({ a: ['ok', '\uD800'] }, '$')).toBe('$.a[1]');
    expect(unstorableTextAt({ a: 'x\uDFFF' }, '$')).toBe('$.a');
    expect(unstorableTextAt({ ['k\u0000']: 1 }, '$')).toBe('$');
    let deep: unknown = 'a\uDC00';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(unstorableTextAt(deep, '$')).not.toBeNull();
  });
});

describe('unstorable dates', () => {
  it('accepts years 0001 to 9999 and leaves invalid dates to the checks that follow', () => {
    for (const value of [
      '0001-01-01T00:00:00Z',
      '2025-03-01T15:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      'not a date',
      {},
    ])
      expect(isUnstorableDate(value)).toBe(false);
  });

  it('refuses years 0 and below, and 10000 and above', () => {
    for (const value of ['0000-06-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', 8.64e15])
      expect(isUnstorableDate(value)).toBe(true);
  });

  it('finds a DateTime out of range along the declared type of a variable', () => {
    const schema = buildSchema(`
      scalar DateTime
      input Window { from: DateTime! to: DateTime! note: String }
      input Filter { windows: [Window!] at: DateTime }
      type Query { x(f: Filter): Int }
    `);
    const filter = schema.getType('Filter') as GraphQLInputType;
    const ok = { windows: [{ from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z', note: '-000001-01-01' }] };
    expect(unstorableDateAt(ok, filter, '$f')).toBeNull();
    const bad = { windows: [ok.windows[0], { from: '2025-01-01T00:00:00Z', to: '+275760-09-13T00:00:00Z' }] };
    expect(unstorableDateAt(bad, filter, '$f')).toBe('$f.windows[1].to');
    expect(unstorableDateAt({ at: '0000-01-01T00:00:00Z' }, filter, '$f')).toBe('$f.at');
  });
});
