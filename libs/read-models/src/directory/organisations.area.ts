import type { OrganisationCultureDescribed, OrganisationRegistered } from '#domain';
import { type DirectoryArea, happenedAt, on } from './area.js';
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
  handlers: [
    on<OrganisationRegistered>('OrganisationRegistered', (data, batch, event) =>
      batch.to(organisationsTable).upsert(
        { organisation_id: data.organisationId },
        {
          name: data.name,
          kind: data.kind,
          culture: data.culture,
          registered_at: happenedAt(event),
          culture_described_at: data.culture === null ? null : happenedAt(event),
        },
      ),
    ),
    on<OrganisationCultureDescribed>('OrganisationCultureDescribed', (data, batch, event) =>
      batch
        .to(organisationsTable)
        .patch(
          { organisation_id: data.organisationId },
          { culture: data.culture, culture_described_at: happenedAt(event) },
        ),
    ),
  ],
};
