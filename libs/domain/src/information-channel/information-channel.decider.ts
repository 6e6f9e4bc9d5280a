import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import { recordChannelReading } from './decide/record-channel-reading.js';
import { recordNewPatientInformed } from './decide/record-new-patient-informed.js';
import { registerInformationChannel } from './decide/register-information-channel.js';
import { retireInformationChannel } from './decide/retire-information-channel.js';
import type { InformationChannelCommand } from './information-channel.commands.js';
import type { InformationChannelEvent } from './information-channel.events.js';
import { patientKey } from './information-channel.guards.js';
import type { InformationChannelState } from './information-channel.state.js';

export type { InformationChannelState } from './information-channel.state.js';

export const informationChannelStreamId = (channelId: string) => `information-channel-${channelId}`;

export const informationChannelDecider: Decider<
  InformationChannelCommand,
  InformationChannelEvent,
  InformationChannelState
> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'RegisterInformationChannel':
        return registerInformationChannel(command, state);
      case 'RecordChannelReading':
        return recordChannelReading(command, state, context);
      case 'RecordNewPatientInformed':
        return recordNewPatientInformed(command, state, context);
      case 'RetireInformationChannel':
        return retireInformationChannel(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'InformationChannelRegistered':
        return { status: 'active', projectId: event.data.projectId, lastPeriodEnd: null, informedPatients: [] };
      case 'ChannelReadingRecorded':
        return state.status === 'unknown' ? state : { ...state, lastPeriodEnd: event.data.periodEnd };
      case 'NewPatientInformed':
        return state.status === 'unknown'
          ? state
          : {
              ...state,
              informedPatients: [
                ...state.informedPatients,
                patientKey(event.data.providerOrganisationId, event.data.patientRef),
              ],
            };
      case 'InformationChannelRetired':
        return state.status === 'unknown' ? state : { ...state, status: 'retired' };
    }
  },
};
