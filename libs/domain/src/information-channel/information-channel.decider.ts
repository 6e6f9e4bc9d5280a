import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import { recordChannelReading } from './decide/record-channel-reading.js';
import { recordNewPatientInformed } from './decide/record-new-patient-informed.js';
import { recordNewPatientsChecked } from './decide/record-new-patients-checked.js';
import { registerInformationChannel } from './decide/register-information-channel.js';
import { retireInformationChannel } from './decide/retire-information-channel.js';
import type { InformationChannelCommand } from './information-channel.commands.js';
import {
  CHANNEL_COUNTERS,
  type ChannelCounters,
  type ChannelReadingRecorded,
  type InformationChannelEvent,
} from './information-channel.events.js';
import { patientKey } from './information-channel.guards.js';
import type { InformationChannelState } from './information-channel.state.js';

export type { InformationChannelState } from './information-channel.state.js';

const NO_TOTALS: ChannelCounters = { likes: null, visits: null, downloads: null, shares: null };

/** A counter left out of a running total keeps its last total. */
const latestTotals = (last: ChannelCounters, reading: ChannelReadingRecorded['data']): ChannelCounters =>
  Object.fromEntries(
    CHANNEL_COUNTERS.map((counter) => [counter, reading[counter] ?? last[counter]]),
  ) as unknown as ChannelCounters;

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
      case 'RecordNewPatientsChecked':
        return recordNewPatientsChecked(command, state, context);
      case 'RetireInformationChannel':
        return retireInformationChannel(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'InformationChannelRegistered':
        return {
          status: 'active',
          projectId: event.data.projectId,
          lastPeriodEnd: null,
          readingKind: null,
          totalsSince: null,
          lastTotals: NO_TOTALS,
          informedPatients: [],
        };
      case 'ChannelReadingRecorded':
        return state.status === 'unknown'
          ? state
          : {
              ...state,
              lastPeriodEnd: event.data.periodEnd,
              readingKind: event.data.readingKind,
              ...(event.data.readingKind === 'running_total'
                ? { totalsSince: event.data.periodStart, lastTotals: latestTotals(state.lastTotals, event.data) }
                : {}),
            };
      case 'NewPatientsChecked':
        return state;
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
