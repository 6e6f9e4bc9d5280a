import type { DomainCommand } from '../shared/decider.js';
import type { ChannelCounters, ChannelReadingKind, InformationChannelKind } from './information-channel.events.js';

export type RegisterInformationChannel = DomainCommand<
  'RegisterInformationChannel',
  { channelId: string; projectId: string; kind: InformationChannelKind; name: string }
>;

export type RecordChannelReading = DomainCommand<
  'RecordChannelReading',
  { channelId: string; periodStart: string; periodEnd: string; readingKind: ChannelReadingKind } & ChannelCounters
>;

/** The day the patient was informed is the command's occurredAt. */
export type RecordNewPatientInformed = DomainCommand<
  'RecordNewPatientInformed',
  { channelId: string; providerOrganisationId: string; patientRef: string }
>;

/** Every new patient informed through the channel within [periodStart, periodEnd) is recorded, maybe none. */
export type RecordNewPatientsChecked = DomainCommand<
  'RecordNewPatientsChecked',
  { channelId: string; periodStart: string; periodEnd: string }
>;

export type RetireInformationChannel = DomainCommand<
  'RetireInformationChannel',
  { channelId: string; reason: string | null }
>;

export type InformationChannelCommand =
  | RegisterInformationChannel
  | RecordChannelReading
  | RecordNewPatientInformed
  | RecordNewPatientsChecked
  | RetireInformationChannel;
