import { describe, expect, it } from '@jest/globals';
import {
  defaultFrameworks,
  defaultWindow,
  lastMonthBefore,
  monthEnd,
  monthStart,
  parseFrameworkRef,
  pickedWindow,
  readPicks,
  writePicks,
} from './territory-params';

describe('territories view: picks in the URL', () => {
  it('reads territories, window, frameworks, signal, granularity and scope, ignoring what is malformed', () => {
    const picks = readPicks(
      new URLSearchParams(
        'territory=valley&territory=hills&territory=valley&from=2025-01&to=2025-13&left=default@1&right=nope&signal=engagement&granularity=QUARTER&scope=hills&asOf=x',
      ),
    );
    expect(picks).toEqual({
      territories: ['valley', 'hills'],
      from: '2025-01',
      to: null,
      left: { id: 'default', version: 1 },
      right: null,
      signal: 'engagement',
      granularity: 'QUARTER',
      scope: 'hills',
    });
    expect(readPicks(new URLSearchParams('signal=nonsense')).signal).toBe('trust');
    expect(readPicks(new URLSearchParams('')).granularity).toBe('MONTH');
  });

  it('writes changes and keeps time travel and the other picks', () => {
    const current = new URLSearchParams('asOf=2025-06-30T23:59:59.999Z&territory=valley&signal=engagement');
    const next = writePicks(current, {
      territories: ['valley', 'hills'],
      right: { id: 'valley-trust', version: 2 },
      signal: 'trust',
    });
    expect(next.get('asOf')).toBe('2025-06-30T23:59:59.999Z');
    expect(next.getAll('territory')).toEqual(['valley', 'hills']);
    expect(next.get('right')).toBe('valley-trust@2');
    expect(next.has('signal')).toBe(false);
    expect(readPicks(next).right).toEqual({ id: 'valley-trust', version: 2 });
    expect(writePicks(next, { from: null }).has('from')).toBe(false);
  });

  it('parses framework references id@version only', () => {
    expect(parseFrameworkRef('default@12')).toEqual({ id: 'default', version: 12 });
    expect(parseFrameworkRef('a.b:c-d_e@1')).toEqual({ id: 'a.b:c-d_e', version: 1 });
    expect(parseFrameworkRef('default')).toBeNull();
    expect(parseFrameworkRef('default@x')).toBeNull();
    expect(parseFrameworkRef(null)).toBeNull();
  });
});

describe('territories view: windows', () => {
  it('turns included months into a half-open window', () => {
    expect(monthStart('2025-03')).toBe('2025-03-01T00:00:00.000Z');
    expect(monthEnd('2025-03')).toBe('2025-04-01T00:00:00.000Z');
    expect(monthEnd('2025-12')).toBe('2026-01-01T00:00:00.000Z');
    expect(lastMonthBefore('2025-04-01T00:00:00.000Z')).toBe('2025-03');
  });

  it('defaults to the months of the picked territories’ pilots, up to the moment shown', () => {
    const projects = [
      { territoryId: 'valley', startsOn: '2024-01-08', pilotMonths: 20 },
      { territoryId: 'hills', startsOn: '2024-06-01', pilotMonths: 6 },
      { territoryId: 'coast', startsOn: '2020-01-01', pilotMonths: 6 },
    ];
    const now = new Date('2026-12-06T00:00:00Z');
    expect(defaultWindow(projects, ['valley', 'hills'], now)).toEqual({
      from: '2024-01-01T00:00:00.000Z',
      to: '2025-09-01T00:00:00.000Z',
    });
    expect(defaultWindow(projects, ['valley'], new Date('2024-05-10T00:00:00Z'))).toEqual({
      from: '2024-01-01T00:00:00.000Z',
      to: '2024-06-01T00:00:00.000Z',
    });
  });

  it('falls back to the 12 months ending with the month shown when no pilot is known', () => {
    expect(defaultWindow([], ['valley'], new Date('2026-12-06T00:00:00Z'))).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
  });

  it('uses the picked months over the default, and refuses a window that ends before it starts', () => {
    const fallback = { from: '2024-01-01T00:00:00.000Z', to: '2025-09-01T00:00:00.000Z' };
    expect(pickedWindow({ from: '2025-01', to: null }, fallback)).toEqual({
      window: { from: '2025-01-01T00:00:00.000Z', to: '2025-09-01T00:00:00.000Z' },
      problem: null,
    });
    expect(pickedWindow({ from: '2025-04', to: '2025-04' }, fallback).window).toEqual({
      from: '2025-04-01T00:00:00.000Z',
      to: '2025-05-01T00:00:00.000Z',
    });
    expect(pickedWindow({ from: '2025-05', to: '2025-04' }, fallback).problem).toMatch(/after/);
  });
});

describe('territories view: frameworks picked for the reader', () => {
  const frameworks = [
    { id: 'default', version: 1, name: 'Default', registeredAt: '2026-01-01T00:00:00Z' },
    { id: 'default', version: 2, name: 'Default, word of mouth first', registeredAt: '2026-03-01T00:00:00Z' },
    { id: 'valley', version: 1, name: 'Valley', registeredAt: '2026-02-01T00:00:00Z' },
  ];

  it('compares the newest other version with default v1 unless the URL says otherwise', () => {
    expect(defaultFrameworks(frameworks, { left: null, right: null })).toEqual({
      left: { id: 'default', version: 1 },
      right: { id: 'default', version: 2 },
    });
    expect(defaultFrameworks(frameworks, { left: { id: 'default', version: 2 }, right: null }).right).toEqual({
      id: 'valley',
      version: 1,
    });
    expect(
      defaultFrameworks(frameworks, { left: { id: 'valley', version: 1 }, right: { id: 'default', version: 1 } }),
    ).toEqual({ left: { id: 'valley', version: 1 }, right: { id: 'default', version: 1 } });
  });

  it('has no B when a single version is registered', () => {
    expect(defaultFrameworks(frameworks.slice(0, 1), { left: null, right: null })).toEqual({
      left: { id: 'default', version: 1 },
      right: null,
    });
  });
});
