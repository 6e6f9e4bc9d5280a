import { requireText } from '../../shared/guards.js';
import type { RetireInformationChannel } from '../information-channel.commands.js';
import type { InformationChannelEvent } from '../information-channel.events.js';
import { activeChannel } from '../information-channel.guards.js';
import type { InformationChannelState } from '../information-channel.state.js';

export function retireInformationChannel(
  command: RetireInformationChannel,
  state: InformationChannelState,
): InformationChannelEvent[] {
  const channelId = command.data.channelId;
  const channel = activeChannel(state, channelId);
  const reason = command.data.reason === null ? null : requireText('reason', command.data.reason);
  return [{ type: 'InformationChannelRetired', data: { channelId, projectId: channel.projectId, reason } }];
}
