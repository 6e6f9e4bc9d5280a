import type { ChannelReadingKind } from '#domain';
import type { DirectoryRow } from '#read-models/directory';
import { date, dateOrNull, int, intOrNull, text, textOrNull } from '../read-side/row-values.js';
import type { ChannelReading, InformationChannel } from './information-channel.models.js';

export const toInformationChannel = (row: DirectoryRow): InformationChannel => ({
  id: text(row.channel_id),
  projectId: text(row.project_id),
  kind: text(row.kind),
  name: text(row.name),
  status: text(row.status),
  registeredAt: date(row.registered_at),
  retiredAt: dateOrNull(row.retired_at),
  retirementReason: textOrNull(row.retirement_reason),
  readingCount: int(row.reading_count),
  lastPeriodEnd: dateOrNull(row.last_period_end),
  newPatientsInformed: int(row.new_patients_informed),
});

export const toChannelReading = (row: DirectoryRow): ChannelReading => ({
  periodStart: date(row.period_start),
  periodEnd: date(row.period_end),
  // Rows written before readings had a kind were increments (as the v1 upcaster reads them).
  readingKind: (textOrNull(row.reading_kind) ?? 'increment') as ChannelReadingKind,
  likes: intOrNull(row.likes),
  visits: intOrNull(row.visits),
  downloads: intOrNull(row.downloads),
  shares: intOrNull(row.shares),
});
