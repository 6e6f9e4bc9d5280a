import type { DomainCommand } from '../shared/decider.js';
import type { ChannelCounters, InformationChannelKind } from './information-channel.events.js';

export type RegisterInformationChannel = DomainCommand<
  'RegisterInformationChannel',
  { channelId: string; projectId: string; kind: InformationChannelKind; name: string }
>;

export type RecordChannelReading = DomainCommand<
  'RecordChannelReading',
  { channelId: string; periodStart: string; periodEnd: string } & ChannelCounters
>;

/** The day the patient was informed is the command's occurredAt. */
export type RecordNewPatientInformed = DomainCommand<
  'RecordNewPatientInformed',
  { channelId: string; providerOrganisationId: string; patientRef: string }
>;

export type RetireInformationChannel = DomainCommand<
  'RetireInformationChannel',
  { channelId: string; reason: string | null }
>;

export type InformationChannelCommand =
  RegisterInformationChannel | RecordChannelReading | RecordNewPatientInformed | RetireInformationChannel;
