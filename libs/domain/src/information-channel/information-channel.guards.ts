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
