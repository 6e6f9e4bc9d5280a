import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

export const INFORMATION_CHANNEL_KINDS = [
  'social_media_page',
  'website',
  'brochure',
  'local_press',
  'local_tv',
  'radio',
  'newsletter',
  'other',
] as const;
export type InformationChannelKind = (typeof INFORMATION_CHANNEL_KINDS)[number];

export const CHANNEL_COUNTERS = ['likes', 'visits', 'downloads', 'shares'] as const;
export type ChannelCounter = (typeof CHANNEL_COUNTERS)[number];

/** Counts over the period, not running totals; null when the channel has no such counter (a brochure has no likes). */
export type ChannelCounters = { readonly [C in ChannelCounter]: number | null };

export type InformationChannelRegistered = DomainEvent<
  'InformationChannelRegistered',
  { channelId: string; projectId: string; kind: InformationChannelKind; name: string }
>;

/** Periods are half-open [periodStart, periodEnd): the next reading may start where this one ends. */
export type ChannelReadingRecorded = DomainEvent<
  'ChannelReadingRecorded',
  { channelId: string; projectId: string; periodStart: string; periodEnd: string } & ChannelCounters
>;

/** `patientRef` is the provider's pseudonymous reference for the patient, never a name. */
export type NewPatientInformed = DomainEvent<
  'NewPatientInformed',
  { channelId: string; projectId: string; providerOrganisationId: string; patientRef: string; informedOn: string }
>;

export type InformationChannelRetired = DomainEvent<
  'InformationChannelRetired',
  { channelId: string; projectId: string; reason: string | null }
>;

export type InformationChannelEvent =
  InformationChannelRegistered | ChannelReadingRecorded | NewPatientInformed | InformationChannelRetired;

/** Every type of InformationChannelEvent, at runtime (the compiler keeps it complete). */
export const INFORMATION_CHANNEL_EVENT_TYPES = eventTypesOf<InformationChannelEvent>({
  InformationChannelRegistered: true,
  ChannelReadingRecorded: true,
  NewPatientInformed: true,
  InformationChannelRetired: true,
});
