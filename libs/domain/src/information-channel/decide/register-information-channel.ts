import { requireOneOf, requireText } from '../../shared/guards.js';
import type { RegisterInformationChannel } from '../information-channel.commands.js';
import { INFORMATION_CHANNEL_KINDS, type InformationChannelEvent } from '../information-channel.events.js';
import { informationChannelError } from '../information-channel.reasons.js';
import type { InformationChannelState } from '../information-channel.state.js';

export function registerInformationChannel(
  command: RegisterInformationChannel,
  state: InformationChannelState,
): InformationChannelEvent[] {
  const channelId = command.data.channelId;
  if (state.status !== 'unknown') {
    throw informationChannelError('CHANNEL_ALREADY_REGISTERED', `Information channel ${channelId} already exists`, {
      channelId,
    });
  }
  return [
    {
      type: 'InformationChannelRegistered',
      data: {
        channelId,
        projectId: command.data.projectId,
        kind: requireOneOf('kind', command.data.kind, INFORMATION_CHANNEL_KINDS),
        name: requireText('name', command.data.name, 200),
      },
    },
  ];
}
