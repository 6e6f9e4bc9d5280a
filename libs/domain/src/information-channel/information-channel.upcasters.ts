import type { Upcaster } from '../shared/aggregate.js';

/**
 * ChannelReadingRecorded v1 had no `readingKind`: its counters were documented and summed as counts
 * over the period ("not running totals"), so a v1 reading is an increment. Nothing else changes;
 * a counter v1 left null stays null (not read), never 0.
 */
const channelReadingRecordedV1ToV2: Upcaster = {
  eventType: 'ChannelReadingRecorded',
  fromVersion: 1,
  upcast(data) {
    return { ...data, readingKind: 'increment' };
  },
};

export const informationChannelUpcasters: Upcaster[] = [channelReadingRecordedV1ToV2];
