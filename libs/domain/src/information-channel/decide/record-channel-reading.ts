import type { DecisionContext } from '../../shared/decider.js';
import { requireInteger, requireNotInFuture, requireValidDate } from '../../shared/guards.js';
import type { RecordChannelReading } from '../information-channel.commands.js';
import { CHANNEL_COUNTERS, type ChannelCounters, type InformationChannelEvent } from '../information-channel.events.js';
import { activeChannel } from '../information-channel.guards.js';
import { informationChannelError } from '../information-channel.reasons.js';
import type { InformationChannelState } from '../information-channel.state.js';

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

export function recordChannelReading(
  command: RecordChannelReading,
  state: InformationChannelState,
  context: DecisionContext,
): InformationChannelEvent[] {
  const channelId = command.data.channelId;
  const channel = activeChannel(state, channelId);
  const start = requireValidDate('periodStart', new Date(command.data.periodStart));
  const end = requireNotInFuture('periodEnd', new Date(command.data.periodEnd), context.now);
  if (end.getTime() <= start.getTime()) {
    throw informationChannelError('PERIOD_END_NOT_AFTER_START', 'A reading period must end after it starts', {
      field: 'periodEnd',
    });
  }
  // Readings are entered in order so counters never count the same days twice.
  if (channel.lastPeriodEnd !== null && start.getTime() < Date.parse(channel.lastPeriodEnd)) {
    throw informationChannelError(
      'PERIOD_OVERLAPS',
      `The reading starts before the last one ended (${channel.lastPeriodEnd})`,
      { lastPeriodEnd: channel.lastPeriodEnd },
    );
  }
  const { likes, visits, downloads, shares } = command.data;
  return [
    {
      type: 'ChannelReadingRecorded',
      data: {
        channelId,
        projectId: channel.projectId,
        periodStart: start.toISOString(),
        periodEnd: end.toISOString(),
        ...validCounters({ likes, visits, downloads, shares }),
      },
    },
  ];
}
