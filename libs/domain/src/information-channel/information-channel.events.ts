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

/** Counters of a reading; null when the channel has no such counter (a brochure has no likes). */
export type ChannelCounters = { readonly [C in ChannelCounter]: number | null };

/**
 * What a reading's counters count over its window [periodStart, periodEnd):
 * - `increment`: what happened within the window (visits in March); readings of a channel never overlap.
 * - `running_total`: the counter's total at `periodEnd`, counted since `periodStart` (page likes
 *   so far, since the page opened); every running total of a channel counts from the same start.
 * A zero is a zero either way; a counter nobody read is null, never 0.
 */
export const CHANNEL_READING_KINDS = ['increment', 'running_total'] as const;
export type ChannelReadingKind = (typeof CHANNEL_READING_KINDS)[number];

export type InformationChannelRegistered = DomainEvent<
  'InformationChannelRegistered',
  { channelId: string; projectId: string; kind: InformationChannelKind; name: string }
>;

/**
 * The measurement window is half-open [periodStart, periodEnd): the next increment may start where
 * this one ends. Schema version 2 added `readingKind`; version 1 readings were increments
 * (information-channel.upcasters.ts).
 */
export type ChannelReadingRecorded = DomainEvent<
  'ChannelReadingRecorded',
  {
    channelId: string;
    projectId: string;
    periodStart: string;
    periodEnd: string;
    readingKind: ChannelReadingKind;
  } & ChannelCounters
>;

/** `patientRef` is the provider's pseudonymous reference for the patient, never a name. */
export type NewPatientInformed = DomainEvent<
  'NewPatientInformed',
  { channelId: string; projectId: string; providerOrganisationId: string; patientRef: string; informedOn: string }
>;

/**
 * The channel's new patients over the half-open window [periodStart, periodEnd) were checked and
 * every one who heard of the service through the channel is recorded (NewPatientInformed): none
 * recorded in the window then means a measured zero, not "nobody asked".
 */
export type NewPatientsChecked = DomainEvent<
  'NewPatientsChecked',
  { channelId: string; projectId: string; periodStart: string; periodEnd: string }
>;

export type InformationChannelRetired = DomainEvent<
  'InformationChannelRetired',
  { channelId: string; projectId: string; reason: string | null }
>;

export type InformationChannelEvent =
  | InformationChannelRegistered
  | ChannelReadingRecorded
  | NewPatientInformed
  | NewPatientsChecked
  | InformationChannelRetired;

/** Every type of InformationChannelEvent, at runtime (the compiler keeps it complete). */
export const INFORMATION_CHANNEL_EVENT_TYPES = eventTypesOf<InformationChannelEvent>({
  InformationChannelRegistered: true,
  ChannelReadingRecorded: true,
  NewPatientInformed: true,
  NewPatientsChecked: true,
  InformationChannelRetired: true,
});
