import { describe, expect, it } from '@jest/globals';
import {
  announcement,
  appendPage,
  combineLive,
  dayAfter,
  defaultFromDay,
  detailEntries,
  matchesFilter,
  ruleLabel,
  severityLabel,
  subjectLabel,
} from './warning-text';

const warning = (id: string, rule = 'CARERS_NOT_CONSULTED', open = true, message = id) => ({
  id,
  rule,
  open,
  message,
});

describe('warning words', () => {
  it('names rules, severities and subjects in words', () => {
    expect(ruleLabel('CANCELLATIONS_IN_A_ROW')).toBe('Sessions cancelled in a row');
    expect(ruleLabel('SOMETHING_NEW')).toBe('Something new');
    expect(severityLabel('CRITICAL')).toBe('Critical');
    expect(severityLabel('WARNING')).toBe('Warning');
    expect(subjectLabel('SIGNAL', 'partnershipCohesion')).toBe('the partnership cohesion signal');
    expect(subjectLabel('TARGET', 'reach')).toBe('the reach target');
    expect(subjectLabel('ACTIVITY_KIND', 'peer_meeting')).toBe('peer meeting sessions');
    expect(subjectLabel('DECISION', 'd-1')).toBe('decision d-1');
    expect(subjectLabel('PROJECT', 'p-1')).toBe('the project');
  });

  it('formats the details: counts, two decimals, dates, months, ids, and leaves out empty values', () => {
    const entries = detailEntries({
      count: 2,
      threshold: 0.15,
      activityIds: ['a-1', 'a-2'],
      dueAt: '2024-11-01T16:00:00.000Z',
      month: '2025-03',
      signal: 'partnershipCohesion',
      partialMonth: false,
      activityId: null,
      recoveredIn: null,
      framework: { id: 'default', version: 1, source: 'DEFAULT' },
      code: 'lack_of_effective_engagement',
      somethingElse: 12345,
    });
    const byKey = Object.fromEntries(entries.map((entry) => [entry.key, entry]));
    expect(byKey.count).toMatchObject({ label: 'Cancelled in a row', value: '2' });
    expect(byKey.threshold).toMatchObject({ label: 'Threshold', value: '0.15' });
    expect(byKey.activityIds).toMatchObject({ label: 'Activities', value: '2 records', ids: ['a-1', 'a-2'] });
    expect(byKey.dueAt!.value).toMatch(/2024/);
    expect(byKey.month!.value).toBe('Mar 2025');
    expect(byKey.signal!.value).toBe('partnership cohesion');
    expect(byKey.partialMonth!.value).toBe('no');
    expect(byKey.activityId).toBeUndefined();
    expect(byKey.recoveredIn).toMatchObject({ label: 'Recovered in', value: 'not yet' });
    expect(byKey.framework!.value).toBe('default v1 (default)');
    expect(byKey.code!.value).toBe('lack of effective engagement');
    expect(byKey.somethingElse).toMatchObject({ label: 'Something else', value: '12,345' });
    expect(detailEntries(null)).toEqual([]);
    expect(detailEntries([1, 2])).toEqual([]);
  });
});

describe('live warnings beside the listed pages', () => {
  it('puts warnings pushed live on top, once, when they match the filters and are not listed', () => {
    const listed = [warning('b'), warning('a')];
    const live = [warning('d', 'SIGNAL_DROP'), warning('c'), warning('b', 'CARERS_NOT_CONSULTED', true, 'fresher')];
    const all = combineLive(live, listed, { rule: null, open: null });
    expect(all.fresh.map((w) => w.id)).toEqual(['d', 'c']);
    expect(all.listed.map((w) => w.message)).toEqual(['fresher', 'a']);
    const onlyConsulted = combineLive(live, listed, { rule: 'CARERS_NOT_CONSULTED', open: null });
    expect(onlyConsulted.fresh.map((w) => w.id)).toEqual(['c']);
    const resolvedOnly = combineLive(live, listed, { rule: null, open: false });
    expect(resolvedOnly.fresh).toEqual([]);
  });

  it('keeps the first copy of a warning pushed twice', () => {
    const { fresh } = combineLive([warning('x', 'SIGNAL_DROP', true, 'new'), warning('x')], [], {
      rule: null,
      open: null,
    });
    expect(fresh).toEqual([warning('x', 'SIGNAL_DROP', true, 'new')]);
  });

  it('filters by rule and by open or resolved', () => {
    expect(matchesFilter(warning('a', 'SIGNAL_DROP', false), { rule: 'SIGNAL_DROP', open: false })).toBe(true);
    expect(matchesFilter(warning('a', 'SIGNAL_DROP', false), { rule: 'SIGNAL_DROP', open: true })).toBe(false);
    expect(matchesFilter(warning('a', 'SIGNAL_DROP', true), { rule: 'CARERS_NOT_CONSULTED', open: null })).toBe(false);
  });

  it('appends a page without repeating a warning', () => {
    expect(appendPage([warning('a'), warning('b')], [warning('b'), warning('c')]).map((w) => w.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('announces a new warning in words, saying when the filters hide it', () => {
    const raised = { rule: 'CARERS_NOT_CONSULTED', severity: 'WARNING', message: 'Decision d taken without carers' };
    expect(announcement(raised, true)).toBe('New warning: Carers not consulted. Decision d taken without carers');
    expect(announcement(raised, false)).toMatch(/\(hidden by the filters\)$/);
  });
});

describe('the range of warnings asked for', () => {
  it('starts at the pilot’s first month, at most 36 months back', () => {
    const now = new Date('2026-12-06T03:00:00Z');
    expect(defaultFromDay('2024-01-08', now)).toBe('2024-01-01');
    expect(defaultFromDay('2023-01-08T00:00:00.000Z', now)).toBe('2024-01-01');
    expect(defaultFromDay('2026-11-20', now)).toBe('2026-11-01');
    expect(defaultFromDay(null, now)).toBeNull();
    expect(defaultFromDay('not a date', now)).toBeNull();
  });

  it('reads "on or before" a day as before the next one', () => {
    expect(dayAfter('2025-02-28')).toBe('2025-03-01T00:00:00.000Z');
    expect(dayAfter('2024-12-31')).toBe('2025-01-01T00:00:00.000Z');
  });
});
