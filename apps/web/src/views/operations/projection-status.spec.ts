import { describe, expect, it } from '@jest/globals';
import {
  actionsFor,
  lagEventsText,
  lagSecondsText,
  mergeStatuses,
  rebuildText,
  replaceStatus,
  type StatusLike,
} from './projection-status';

const status = (name: string, state: StatusLike['state'], updatedAt: string, generation = 1): StatusLike => ({
  name,
  state,
  updatedAt,
  generation,
});

describe('operations view: projection actions', () => {
  it('offers pause or resume by state, retry and skip only when failed, rebuild unless one runs', () => {
    expect(actionsFor({ state: 'running', rebuild: null })).toEqual(['pause', 'rebuild']);
    expect(actionsFor({ state: 'catching_up', rebuild: null })).toEqual(['pause', 'rebuild']);
    expect(actionsFor({ state: 'paused', rebuild: null })).toEqual(['resume', 'rebuild']);
    expect(actionsFor({ state: 'failed', rebuild: null })).toEqual(['retry', 'skip', 'rebuild']);
    expect(actionsFor({ state: 'rebuilding', rebuild: { generation: 2, progress: 0.5, eventsProcessed: 10 } })).toEqual(
      ['pause'],
    );
  });
});

describe('operations view: live statuses', () => {
  it('takes a pushed list, but keeps a newer status a mutation returned', () => {
    const shown = [
      status('directory', 'paused', '2026-01-01T00:00:02Z'),
      status('audit', 'running', '2026-01-01T00:00:00Z'),
    ];
    const pushed = [
      status('directory', 'running', '2026-01-01T00:00:01Z'),
      status('audit', 'running', '2026-01-01T00:00:03Z', 2),
    ];
    expect(mergeStatuses(shown, pushed)).toEqual([shown[0], pushed[1]]);
    const later = [status('directory', 'running', '2026-01-01T00:00:05Z'), pushed[1]!];
    expect(mergeStatuses(shown, later)).toEqual(later);
  });

  it('replaces one projection by name', () => {
    const shown = [status('directory', 'running', 'a'), status('audit', 'running', 'a')];
    expect(replaceStatus(shown, status('audit', 'paused', 'b')).map((s) => s.state)).toEqual(['running', 'paused']);
    expect(replaceStatus(shown, status('warnings', 'paused', 'b'))).toHaveLength(3);
  });
});

describe('operations view: words and numbers', () => {
  it('says the lag in events and time, and when the store cannot count', () => {
    expect(lagEventsText(0)).toBe('0 events');
    expect(lagEventsText(1)).toBe('1 event');
    expect(lagEventsText(1234)).toBe('1,234 events');
    expect(lagEventsText(null)).toBe('unknown');
    expect(lagSecondsText(0)).toBe('0 s');
    expect(lagSecondsText(2.345)).toBe('2.3 s');
    expect(lagSecondsText(90)).toBe('1.5 min');
    expect(lagSecondsText(7200)).toBe('2 h');
  });

  it('describes a rebuild in progress', () => {
    expect(rebuildText({ generation: 3, progress: 0.45, eventsProcessed: 1200, eventsRemaining: 1466 })).toBe(
      'Rebuilding generation 3: 45% (1,200 events processed, 1,466 to go)',
    );
    expect(rebuildText({ generation: 2, progress: null, eventsProcessed: 5, eventsRemaining: null })).toBe(
      'Rebuilding generation 2: progress unknown (5 events processed)',
    );
  });
});
