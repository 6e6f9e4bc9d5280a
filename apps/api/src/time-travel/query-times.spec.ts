import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#domain';
import { requireQueryTimes, requireQueryWindow, windowHorizon } from './query-times.js';

const NOW = new Date('2026-12-06T10:00:00Z');
const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainError) return { category: error.category, reason: error.reason, ...error.details };
    throw error;
  }
  return null;
};

describe('time-travel arguments of queries', () => {
  it('accepts moments up to a day ahead of the clock, and none', () => {
    expect(refusal(() => requireQueryTimes({ asOf: new Date('2026-12-07T09:59:59Z') }, NOW))).toBeNull();
    expect(refusal(() => requireQueryTimes({ asOf: null, knownAt: undefined, window: null }, NOW))).toBeNull();
    expect(refusal(() => requireQueryTimes({ asOf: new Date('2020-01-01T00:00:00Z') }, NOW))).toBeNull();
  });

  it('refuses asOf and knownAt further ahead, naming the argument', () => {
    expect(refusal(() => requireQueryTimes({ asOf: new Date('2100-01-01T00:00:00Z') }, NOW))).toEqual({
      category: 'invalid',
      reason: 'IN_THE_FUTURE',
      field: 'asOf',
    });
    expect(refusal(() => requireQueryTimes({ knownAt: new Date('2026-12-07T10:00:01Z') }, NOW))).toMatchObject({
      reason: 'IN_THE_FUTURE',
      field: 'knownAt',
    });
  });

  it('lets a window reach the end of the current quarter, not further', () => {
    expect(windowHorizon(NOW).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    const thisMonth = { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
    expect(refusal(() => requireQueryTimes({ window: thisMonth }, NOW))).toBeNull();
    const intoNextQuarter = { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:01Z') };
    expect(refusal(() => requireQueryTimes({ window: intoNextQuarter }, NOW))).toEqual({
      category: 'invalid',
      reason: 'IN_THE_FUTURE',
      field: 'window.to',
    });
  });

  it('refuses a window that starts in the future', () => {
    const later = { from: new Date('2026-12-20T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') };
    expect(refusal(() => requireQueryWindow('', later, NOW))).toMatchObject({ reason: 'IN_THE_FUTURE', field: 'from' });
  });

  it('moves the horizon with the clock: on the last day of a quarter, the next one may be asked for', () => {
    expect(windowHorizon(new Date('2026-12-31T12:00:00Z')).toISOString()).toBe('2027-04-01T00:00:00.000Z');
  });
});
