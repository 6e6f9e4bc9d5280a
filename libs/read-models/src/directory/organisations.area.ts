import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { defineTable, optional, required } from './table.js';

export const organisationsTable = defineTable({
  name: 'rm_organisations',
  key: ['organisation_id'],
  columns: {
    organisation_id: required('text'),
    name: required('text'),
    kind: required('text'),
    culture: optional('text'),
    registered_at: required('timestamptz'),
    culture_described_at: optional('timestamptz'),
  },
  indexes: [['name', 'organisation_id']],
});

export const organisationsArea: DirectoryArea = {
  tables: [organisationsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    OrganisationRegistered: ({ data, occurredAt }, batch) =>
      batch.to(organisationsTable).upsert(
        { organisation_id: data.organisationId },
        {
          name: data.name,
          kind: data.kind,
          culture: data.culture,
          registered_at: occurredAt.toISOString(),
          culture_described_at: data.culture === null ? null : occurredAt.toISOString(),
        },
      ),
    OrganisationCultureDescribed: ({ data, occurredAt }, batch) =>
      batch
        .to(organisationsTable)
        .patch(
          { organisation_id: data.organisationId },
          { culture: data.culture, culture_described_at: occurredAt.toISOString() },
        ),
  }),
};
