import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound } from '../shared/errors.js';
import { requireInteger, requireNotInFuture, requireOneOf, requireText, requireValidDate } from '../shared/guards.js';
import { requirePseudonymousRef } from '../evidence/pseudonym.js';
import type { InformationChannelCommand } from './information-channel.commands.js';
import {
  CHANNEL_COUNTERS,
  INFORMATION_CHANNEL_KINDS,
  type ChannelCounters,
  type InformationChannelEvent,
} from './information-channel.events.js';

export type InformationChannelState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'active' | 'retired';
      readonly projectId: string;
      /** ISO instant; a new reading may not start before it. */
      readonly lastPeriodEnd: string | null;
      /** `<providerOrganisationId>/<patientRef>` of every patient already counted. */
      readonly informedPatients: readonly string[];
    };

export const informationChannelStreamId = (channelId: string) => `information-channel-${channelId}`;

const patientKey = (providerOrganisationId: string, patientRef: string) => `${providerOrganisationId}/${patientRef}`;

function activeChannel(state: InformationChannelState, channelId: string) {
  if (state.status === 'unknown') {
    throw notFound('CHANNEL_NOT_FOUND', `Information channel ${channelId} does not exist`, { channelId });
  }
  if (state.status === 'retired') {
    throw conflict('CHANNEL_RETIRED', `Information channel ${channelId} was retired`, { channelId });
  }
  return state;
}

function validCounters(counters: ChannelCounters): ChannelCounters {
  const valid = Object.fromEntries(
    CHANNEL_COUNTERS.map((name) => {
      const value = counters[name];
      return [name, value === null ? null : requireInteger(name, value, 0, 1_000_000_000)];
    }),
  ) as ChannelCounters;
  if (CHANNEL_COUNTERS.every((name) => valid[name] === null)) {
    throw invalid('NO_COUNTERS', 'A reading needs at least one counter', { field: 'counters' });
  }
  return valid;
}

export const informationChannelDecider: Decider<
  InformationChannelCommand,
  InformationChannelEvent,
  InformationChannelState
> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    const channelId = command.data.channelId;
    switch (command.type) {
      case 'RegisterInformationChannel': {
        if (state.status !== 'unknown') {
          throw conflict('CHANNEL_ALREADY_REGISTERED', `Information channel ${channelId} already exists`, {
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
      case 'RecordChannelReading': {
        const channel = activeChannel(state, channelId);
        const start = requireValidDate('periodStart', new Date(command.data.periodStart));
        const end = requireNotInFuture('periodEnd', new Date(command.data.periodEnd), context.now);
        if (end.getTime() <= start.getTime()) {
          throw invalid('PERIOD_END_NOT_AFTER_START', 'A reading period must end after it starts', {
            field: 'periodEnd',
          });
        }
        // Readings are entered in order so counters never count the same days twice.
        if (channel.lastPeriodEnd !== null && start.getTime() < Date.parse(channel.lastPeriodEnd)) {
          throw conflict('PERIOD_OVERLAPS', `The reading starts before the last one ended (${channel.lastPeriodEnd})`, {
            lastPeriodEnd: channel.lastPeriodEnd,
          });
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
      case 'RecordNewPatientInformed': {
        const channel = activeChannel(state, channelId);
        const providerOrganisationId = requireText('providerOrganisationId', command.data.providerOrganisationId, 100);
        const patientRef = requirePseudonymousRef('patientRef', command.data.patientRef);
        if (channel.informedPatients.includes(patientKey(providerOrganisationId, patientRef))) {
          throw conflict('PATIENT_ALREADY_INFORMED', `Patient ${patientRef} was already counted for this channel`, {
            patientRef,
          });
        }
        return [
          {
            type: 'NewPatientInformed',
            data: {
              channelId,
              projectId: channel.projectId,
              providerOrganisationId,
              patientRef,
              informedOn: context.occurredAt.toISOString(),
            },
          },
        ];
      }
      case 'RetireInformationChannel': {
        const channel = activeChannel(state, channelId);
        const reason = command.data.reason === null ? null : requireText('reason', command.data.reason);
        return [{ type: 'InformationChannelRetired', data: { channelId, projectId: channel.projectId, reason } }];
      }
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
