import type { AggregateDefinition } from '../shared/aggregate.js';
import type { InformationChannelCommand } from './information-channel.commands.js';
import {
  informationChannelDecider,
  informationChannelStreamId,
  type InformationChannelState,
} from './information-channel.decider.js';
import type { InformationChannelEvent } from './information-channel.events.js';

export const informationChannelAggregate: AggregateDefinition<
  InformationChannelCommand,
  InformationChannelEvent,
  InformationChannelState
> = {
  name: 'InformationChannel',
  decider: informationChannelDecider,
  commandTypes: [
    'RegisterInformationChannel',
    'RecordChannelReading',
    'RecordNewPatientInformed',
    'RecordNewPatientsChecked',
    'RetireInformationChannel',
  ],
  streamId: (command) => informationChannelStreamId(command.data.channelId),
  schemaVersions: { ChannelReadingRecorded: 2 },
};
