import type { ChannelCounters, ChannelReadingKind } from './information-channel.events.js';

export type InformationChannelState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'active' | 'retired';
      readonly projectId: string;
      /** ISO instant; an increment may not start before it, a running total must be read after it. */
      readonly lastPeriodEnd: string | null;
      /** What the channel's readings count; null before the first reading. */
      readonly readingKind: ChannelReadingKind | null;
      /** The start every running total of the channel counts from; null before the first one. */
      readonly totalsSince: string | null;
      /** The latest running total read for each counter; null for a counter never read as a total. */
      readonly lastTotals: ChannelCounters;
      /** `<providerOrganisationId>/<patientRef>` of every patient already counted. */
      readonly informedPatients: readonly string[];
    };
