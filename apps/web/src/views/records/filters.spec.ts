import { describe, expect, it } from '@jest/globals';
import {
  describeFilters,
  enumValues,
  filterInput,
  formValues,
  isDay,
  keptParams,
  pageSize,
  showing,
  stableKey,
  startOfNextDay,
  withFilters,
  withoutFilters,
  type FilterField,
} from './filters';

const FIELDS: readonly FilterField[] = [
  { type: 'enum', name: 'status', label: 'Status', options: ['scheduled', 'held', 'cancelled'] },
  { type: 'boolean', name: 'contested', label: 'Contested' },
  { type: 'from-day', name: 'from', label: 'Scheduled from' },
  { type: 'to-day', name: 'to', label: 'Scheduled until' },
  { type: 'text', name: 'code', label: 'Code', pattern: /^[a-z_]+$/ },
];

const params = (text: string) => new URLSearchParams(text);

describe('records filters', () => {
  it('reads the URL as the GraphQL filter input: enums as they are, yes/no as Booleans, days as instants', () => {
    expect(
      filterInput(FIELDS, params('status=held&contested=no&from=2024-03-01&to=2024-03-31&code=insufficient_trust')),
    ).toEqual({
      status: 'held',
      contested: false,
      from: '2024-03-01T00:00:00.000Z',
      // "until 31 March" keeps the whole day: the API's bound is exclusive.
      to: '2024-04-01T00:00:00.000Z',
      code: 'insufficient_trust',
    });
  });

  it('sends no filter when none is set, and ignores values the field does not accept', () => {
    expect(filterInput(FIELDS, params(''))).toBeNull();
    expect(
      filterInput(FIELDS, params('status=postponed&contested=maybe&from=2024-02-30&code=DROP%20TABLE')),
    ).toBeNull();
    expect(filterInput(FIELDS, params('size=50&asOf=2024-01-01'))).toBeNull();
  });

  it('checks days for real', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-1-5')).toBe(false);
    expect(startOfNextDay('2024-12-31')).toBe('2025-01-01T00:00:00.000Z');
  });

  it('fills the form from the URL and writes it back, keeping the parameters of others', () => {
    const current = params('status=held&size=50&asOf=2024-06-30T23:59:59.999Z');
    expect(formValues(FIELDS, current)).toEqual({ status: 'held', contested: '', from: '', to: '', code: '' });
    const next = withFilters(FIELDS, { status: '', contested: 'yes', from: '2024-01-01', to: '', code: ' ' }, current);
    expect(next.toString()).toBe('size=50&asOf=2024-06-30T23%3A59%3A59.999Z&contested=yes&from=2024-01-01');
    expect(withoutFilters(FIELDS, next).toString()).toBe('size=50&asOf=2024-06-30T23%3A59%3A59.999Z');
  });

  it('keeps only time travel and the page size from one list to the next', () => {
    expect(keptParams(params('status=held&size=10&knownAt=2025-01-01T00:00:00.000Z'))).toBe(
      '?knownAt=2025-01-01T00%3A00%3A00.000Z&size=10',
    );
    expect(keptParams(params('status=held'))).toBe('');
  });

  it('offers the page sizes it knows, 20 otherwise', () => {
    expect(pageSize(params('size=5'))).toBe(5);
    expect(pageSize(params('size=1000'))).toBe(20);
    expect(pageSize(params(''))).toBe(20);
  });

  it('says the filters in words, days formatted by the caller', () => {
    expect(
      describeFilters(FIELDS, params('status=cancelled&contested=yes&from=2024-03-01&code=lack_of_trust'), (day) =>
        day.split('-').reverse().join('/'),
      ),
    ).toBe('status: cancelled; contested: yes; scheduled from 01/03/2024; code: lack_of_trust');
    expect(describeFilters(FIELDS, params(''))).toBeNull();
  });

  it('keys variables whatever the order of their fields', () => {
    expect(stableKey({ b: 1, a: { d: [1, 2], c: null } })).toBe(stableKey({ a: { c: null, d: [1, 2] }, b: 1 }));
    expect(stableKey({ a: 1 })).not.toBe(stableKey({ a: 2 }));
    expect(stableKey({ a: 1, b: undefined })).toBe(stableKey({ a: 1 }));
  });

  it('says how much of the list is shown', () => {
    const noun = { one: 'activity', many: 'activities' };
    expect(showing(20, 50, noun, String)).toBe('Showing 20 of 50 activities.');
    expect(showing(50, 50, noun, String)).toBe('50 activities.');
    expect(showing(1, 1, noun, String)).toBe('1 activity.');
  });

  it('lists every value of an enum', () => {
    expect(enumValues<'a' | 'b'>({ a: true, b: true })).toEqual(['a', 'b']);
  });
});
