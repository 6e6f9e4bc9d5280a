import { channelReadingsTable, informationChannelsTable } from './channels.area.js';
import { conditions, equals } from './directory-filters.js';
import { type DirectoryList, lookup } from './directory-query.js';

export interface InformationChannelFilter {
  readonly kind?: string | null;
  readonly status?: string | null;
}

/** A project's information channels, in the order registered. */
export const informationChannelsList: DirectoryList<InformationChannelFilter | null> = {
  name: 'informationChannels',
  from: `${informationChannelsTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'registered_at', type: 'timestamptz' },
    { column: 'channel_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { kind: equals('kind'), status: equals('status') }),
};

/** A channel's readings, by period. */
export const readingsOfChannel = lookup(`${channelReadingsTable.name} t`, ['channel_id'], 't.period_start, t.event_id');
