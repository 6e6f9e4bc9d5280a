import { requireNotInFuture, requireValidDate } from '../shared/guards.js';
import { informationChannelError } from './information-channel.reasons.js';
import type { InformationChannelState } from './information-channel.state.js';

export const patientKey = (providerOrganisationId: string, patientRef: string) =>
  `${providerOrganisationId}/${patientRef}`;

export function activeChannel(state: InformationChannelState, channelId: string) {
  if (state.status === 'unknown') {
    throw informationChannelError('CHANNEL_NOT_FOUND', `Information channel ${channelId} does not exist`, {
      channelId,
    });
  }
  if (state.status === 'retired') {
    throw informationChannelError('CHANNEL_RETIRED', `Information channel ${channelId} was retired`, { channelId });
  }
  return state;
}

/** A measurement window [periodStart, periodEnd): valid dates, not empty, over by now (what is measured happened). */
export function readingWindow(period: { periodStart: string; periodEnd: string }, now: Date) {
  const start = requireValidDate('periodStart', new Date(period.periodStart));
  const end = requireNotInFuture('periodEnd', new Date(period.periodEnd), now);
  if (end.getTime() <= start.getTime()) {
    throw informationChannelError('PERIOD_END_NOT_AFTER_START', 'A measurement window must end after it starts', {
      field: 'periodEnd',
    });
  }
  return { start, end };
}
