import type { DecisionContext } from '../../shared/decider.js';
import { requireInteger, requireOneOf } from '../../shared/guards.js';
import type { RecordChannelReading } from '../information-channel.commands.js';
import {
  CHANNEL_COUNTERS,
  CHANNEL_READING_KINDS,
  type ChannelCounters,
  type InformationChannelEvent,
} from '../information-channel.events.js';
import { activeChannel, readingWindow } from '../information-channel.guards.js';
import { informationChannelError } from '../information-channel.reasons.js';
import type { InformationChannelState } from '../information-channel.state.js';

type ActiveChannel = Exclude<InformationChannelState, { status: 'unknown' }>;

function validCounters(counters: ChannelCounters): ChannelCounters {
  const valid = Object.fromEntries(
    CHANNEL_COUNTERS.map((name) => {
      const value = counters[name];
      return [name, value === null ? null : requireInteger(name, value, 0, 1_000_000_000)];
    }),
  ) as ChannelCounters;
  if (CHANNEL_COUNTERS.every((name) => valid[name] === null)) {
    throw informationChannelError('NO_COUNTERS', 'A reading needs at least one counter', { field: 'counters' });
  }
  return valid;
}

/** Increments are entered in order so counters never count the same days twice. */
function requireNoOverlap(channel: ActiveChannel, start: Date) {
  if (channel.lastPeriodEnd !== null && start.getTime() < Date.parse(channel.lastPeriodEnd)) {
    throw informationChannelError(
      'PERIOD_OVERLAPS',
      `The reading starts before the last one ended (${channel.lastPeriodEnd})`,
      { lastPeriodEnd: channel.lastPeriodEnd },
    );
  }
}

/**
 * A running total is the counter since the channel's one start, read later than the last one and
 * never lower: the report takes the difference between two totals as what happened in between.
 */
function requireRunningTotal(channel: ActiveChannel, start: Date, end: Date, counters: ChannelCounters) {
  if (channel.totalsSince !== null && start.getTime() !== Date.parse(channel.totalsSince)) {
    throw informationChannelError(
      'RUNNING_TOTAL_START_CHANGED',
      `Running totals of this channel count from ${channel.totalsSince}`,
      { field: 'periodStart', totalsSince: channel.totalsSince },
    );
  }
  if (channel.lastPeriodEnd !== null && end.getTime() <= Date.parse(channel.lastPeriodEnd)) {
    throw informationChannelError(
      'RUNNING_TOTAL_NOT_AFTER_LAST',
      `The running total must be read after the last one (${channel.lastPeriodEnd})`,
      { field: 'periodEnd', lastPeriodEnd: channel.lastPeriodEnd },
    );
  }
  for (const counter of CHANNEL_COUNTERS) {
    const previous = channel.lastTotals[counter];
    const value = counters[counter];
    if (previous !== null && value !== null && value < previous) {
      throw informationChannelError(
        'RUNNING_TOTAL_DECREASED',
        `The running total of ${counter} (${value}) is lower than the last one (${previous})`,
        { field: counter, counter, previous },
      );
    }
  }
}

export function recordChannelReading(
  command: RecordChannelReading,
  state: InformationChannelState,
  context: DecisionContext,
): InformationChannelEvent[] {
  const channelId = command.data.channelId;
  const channel = activeChannel(state, channelId);
  const readingKind = requireOneOf('readingKind', command.data.readingKind, CHANNEL_READING_KINDS);
  const { start, end } = readingWindow(command.data, context.now);
  const { likes, visits, downloads, shares } = command.data;
  const counters = validCounters({ likes, visits, downloads, shares });
  if (channel.readingKind !== null && channel.readingKind !== readingKind) {
    throw informationChannelError(
      'READING_KIND_CHANGED',
      `The channel's readings are ${channel.readingKind === 'increment' ? 'increments' : 'running totals'}`,
      { field: 'readingKind', readingKind: channel.readingKind },
    );
  }
  if (readingKind === 'increment') requireNoOverlap(channel, start);
  else requireRunningTotal(channel, start, end, counters);
  return [
    {
      type: 'ChannelReadingRecorded',
      data: {
        channelId,
        projectId: channel.projectId,
        periodStart: start.toISOString(),
        periodEnd: end.toISOString(),
        readingKind,
        ...counters,
      },
    },
  ];
}
