import { describe, expect, it } from '@jest/globals';
import { scenario } from '../shared/given-when-then.js';
import { upcast } from '../upcasting.js';
import { informationChannelAggregate } from './information-channel.aggregate.js';
import { informationChannelDecider } from './information-channel.decider.js';
import type { ChannelReadingRecorded, InformationChannelRegistered } from './information-channel.events.js';

const v1Reading = {
  channelId: 'ch-site',
  projectId: 'p-1',
  periodStart: '2026-01-01T00:00:00.000Z',
  periodEnd: '2026-02-01T00:00:00.000Z',
  likes: null,
  visits: 0,
  downloads: 12,
  shares: null,
};
const stored = (data: object) => ({ type: 'ChannelReadingRecorded', schemaVersion: 1, data });

describe('ChannelReadingRecorded v1 -> v2 (what the counters count)', () => {
  it('is declared at schema version 2', () => {
    expect(informationChannelAggregate.schemaVersions).toEqual({ ChannelReadingRecorded: 2 });
  });

  it('reads a v1 reading as the increment it was summed as, its nulls (not read) and zeros kept', () => {
    expect(upcast(stored(v1Reading))).toEqual({
      type: 'ChannelReadingRecorded',
      schemaVersion: 2,
      data: { ...v1Reading, readingKind: 'increment' },
    });
  });

  it('leaves a v2 reading as it is', () => {
    const v2 = {
      type: 'ChannelReadingRecorded',
      schemaVersion: 2,
      data: { ...v1Reading, readingKind: 'running_total' },
    };
    expect(upcast(v2)).toBe(v2);
  });

  it('folds an upcast v1 reading into a channel of increments: the next one may not overlap it nor be a total', () => {
    const registered: InformationChannelRegistered = {
      type: 'InformationChannelRegistered',
      data: { channelId: 'ch-site', projectId: 'p-1', kind: 'website', name: 'Site' },
    };
    const upcast1 = upcast(stored(v1Reading)) as unknown as ChannelReadingRecorded;
    const next = { channelId: 'ch-site', likes: null, visits: 5, downloads: null, shares: null };
    const channel = scenario(informationChannelDecider);
    channel
      .given(registered, upcast1)
      .when({
        type: 'RecordChannelReading',
        data: { ...next, periodStart: '2026-01-15', periodEnd: '2026-03-01', readingKind: 'increment' },
      })
      .thenFails('PERIOD_OVERLAPS', 'conflict');
    channel
      .given(registered, upcast1)
      .when({
        type: 'RecordChannelReading',
        data: { ...next, periodStart: '2026-01-01', periodEnd: '2026-03-01', readingKind: 'running_total' },
      })
      .thenFails('READING_KIND_CHANGED', 'conflict');
  });
});
