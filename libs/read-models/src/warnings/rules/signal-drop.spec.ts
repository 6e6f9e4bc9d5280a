import { describe, expect, it } from '@jest/globals';
import { dropSupport, enoughSupport, pilotDropRange } from './signal-drop.js';

const MINIMUM = { signalDropMinCarers: 5, signalDropMinFacts: 4 };

const indicator = (included: boolean, carerCount: number | null, denominator: number | null, suppressed = false) => ({
  included,
  carerCount,
  denominator,
  suppressed,
});

describe('signal drop: the data behind the two months compared', () => {
  it('counts the carers of a signal with carer-derived indicators, else the facts of its included indicators', () => {
    // Given a trust month over 6 distinct carers: its support is 6 carers.
    expect(dropSupport({ carerCount: 6, indicators: [indicator(true, 6, 9)] })).toEqual({ unit: 'carers', count: 6 });
    // Given a partnership month with 3 meetings planned and 2 partners (the excluded indicator's 7 do
    // not count): 3 + 2 = 5 facts.
    expect(
      dropSupport({
        carerCount: null,
        indicators: [indicator(true, null, 3), indicator(true, null, 2), indicator(false, null, 7)],
      }),
    ).toEqual({ unit: 'facts', count: 5 });
    // Given a month of sessions all cancelled: the carer-derived indicator (attendance) has no data
    // and is left out, so the month rests on its 8 sessions scheduled, not on 0 carers.
    expect(dropSupport({ carerCount: 0, indicators: [indicator(false, 0, 0), indicator(true, null, 8)] })).toEqual({
      unit: 'facts',
      count: 8,
    });
    // Given a carer-derived indicator withheld by small-group suppression: nothing to judge by.
    expect(dropSupport({ carerCount: null, indicators: [indicator(false, null, null, true)] })).toEqual({
      unit: 'carers',
      count: null,
    });
  });

  it('needs the minimum in both months: exactly the minimum is enough, one less in either month is not', () => {
    const carers = (count: number | null) => ({ unit: 'carers' as const, count });
    const facts = (count: number) => ({ unit: 'facts' as const, count });
    expect(enoughSupport(carers(5), carers(5), MINIMUM)).toBe(true);
    // The previous month short of one carer, then the current one.
    expect(enoughSupport(carers(4), carers(30), MINIMUM)).toBe(false);
    expect(enoughSupport(carers(30), carers(4), MINIMUM)).toBe(false);
    // A single small session after the pilot: 2 carers after 40.
    expect(enoughSupport(carers(40), carers(2), MINIMUM)).toBe(false);
    // Facts are judged against the facts minimum (4 here).
    expect(enoughSupport(facts(4), facts(4), MINIMUM)).toBe(true);
    expect(enoughSupport(facts(4), facts(3), MINIMUM)).toBe(false);
    expect(enoughSupport(facts(3), facts(4), MINIMUM)).toBe(false);
    // Withheld: never enough.
    expect(enoughSupport(carers(null), carers(10), MINIMUM)).toBe(false);
  });
});

describe('signal drop: the months evaluated by default are the pilot months', () => {
  const at = (iso: string) => new Date(iso);
  it('runs from the pilot start for pilotMonths, up to the end of the month judged at', () => {
    // Given a pilot from 15 January 2025 for 18 months: January 2025 to June 2026 (July excluded).
    expect(pilotDropRange(at('2025-01-15T00:00:00Z'), 18, at('2026-12-01T00:00:00Z'))).toEqual({
      from: at('2025-01-01T00:00:00Z'),
      to: at('2026-07-01T00:00:00Z'),
    });
    // Judged on 10 March 2025: January to March.
    expect(pilotDropRange(at('2025-01-15T00:00:00Z'), 18, at('2025-03-10T00:00:00Z'))).toEqual({
      from: at('2025-01-01T00:00:00Z'),
      to: at('2025-04-01T00:00:00Z'),
    });
  });

  it('keeps the latest 36 months of a longer pilot, and nothing before the pilot or without its dates', () => {
    // 48 months from January 2020: its last 36, January 2021 to December 2023.
    expect(pilotDropRange(at('2020-01-01T00:00:00Z'), 48, at('2025-01-01T00:00:00Z'))).toEqual({
      from: at('2021-01-01T00:00:00Z'),
      to: at('2024-01-01T00:00:00Z'),
    });
    expect(pilotDropRange(at('2025-06-01T00:00:00Z'), 12, at('2025-04-30T00:00:00Z'))).toBeNull();
    expect(pilotDropRange(null, 12, at('2025-04-30T00:00:00Z'))).toBeNull();
    expect(pilotDropRange(at('2025-01-01T00:00:00Z'), null, at('2025-04-30T00:00:00Z'))).toBeNull();
  });
});
