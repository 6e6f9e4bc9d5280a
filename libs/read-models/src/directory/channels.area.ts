import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { counter, defineTable, optional, required, withDefault } from './table.js';

/** A project's information channel; `status` active or retired; new patients informed through it, counted. */
export const informationChannelsTable = defineTable({
  name: 'rm_information_channels',
  key: ['channel_id'],
  columns: {
    channel_id: required('text'),
    project_id: required('text'),
    kind: required('text'),
    name: required('text'),
    status: withDefault('text', 'active'),
    registered_at: required('timestamptz'),
    retired_at: optional('timestamptz'),
    retirement_reason: optional('text'),
    reading_count: counter(),
    last_period_end: optional('timestamptz'),
    new_patients_informed: counter(),
    last_patient_informed_on: optional('text'),
  },
  indexes: [['project_id', 'registered_at', 'channel_id']],
});

/**
 * One reading of a channel's counters over a half-open period; null where a counter was not read.
 * `reading_kind`: increment (what happened in the period) or running_total (the total at its end).
 */
export const channelReadingsTable = defineTable({
  name: 'rm_channel_readings',
  key: ['event_id'],
  columns: {
    event_id: required('text'),
    channel_id: required('text'),
    project_id: required('text'),
    period_start: required('timestamptz'),
    period_end: required('timestamptz'),
    reading_kind: optional('text'),
    likes: optional('integer'),
    visits: optional('integer'),
    downloads: optional('integer'),
    shares: optional('integer'),
  },
  indexes: [['channel_id', 'period_start']],
});

export const channelsArea: DirectoryArea = {
  tables: [informationChannelsTable, channelReadingsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    InformationChannelRegistered: ({ data, occurredAt }, batch) =>
      batch.to(informationChannelsTable).upsert(
        { channel_id: data.channelId },
        {
          project_id: data.projectId,
          kind: data.kind,
          name: data.name,
          status: 'active',
          registered_at: occurredAt.toISOString(),
        },
      ),
    ChannelReadingRecorded: ({ data, id: eventId }, batch) => {
      batch.to(channelReadingsTable).upsert(
        { event_id: eventId },
        {
          channel_id: data.channelId,
          project_id: data.projectId,
          period_start: data.periodStart,
          period_end: data.periodEnd,
          reading_kind: data.readingKind,
          likes: data.likes,
          visits: data.visits,
          downloads: data.downloads,
          shares: data.shares,
        },
      );
      const channels = batch.to(informationChannelsTable);
      channels.patch({ channel_id: data.channelId }, { last_period_end: data.periodEnd });
      channels.add({ channel_id: data.channelId }, { reading_count: 1 });
    },
    // The patient reference is the provider's pseudonym for the patient: counted, not kept.
    NewPatientInformed: ({ data }, batch) => {
      const channels = batch.to(informationChannelsTable);
      channels.patch({ channel_id: data.channelId }, { last_patient_informed_on: data.informedOn });
      channels.add({ channel_id: data.channelId }, { new_patients_informed: 1 });
    },
    InformationChannelRetired: ({ data, occurredAt }, batch) =>
      batch
        .to(informationChannelsTable)
        .patch(
          { channel_id: data.channelId },
          { status: 'retired', retired_at: occurredAt.toISOString(), retirement_reason: data.reason },
        ),
  }),
};
