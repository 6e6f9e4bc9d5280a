import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { defineTable, optional, required } from './table.js';

export const programmesTable = defineTable({
  name: 'rm_programmes',
  key: ['programme_id'],
  columns: {
    programme_id: required('text'),
    name: required('text'),
    launched_at: required('timestamptz'),
  },
  indexes: [['name', 'programme_id']],
});

/** A territory of a programme, with the signal framework version it adopted (null until it adopts one). */
export const territoriesTable = defineTable({
  name: 'rm_territories',
  key: ['programme_id', 'territory_id'],
  columns: {
    programme_id: required('text'),
    territory_id: required('text'),
    name: required('text'),
    local_governance: required('text'),
    service_variant: required('text'),
    added_at: required('timestamptz'),
    framework_id: optional('text'),
    framework_version: optional('integer'),
    framework_adopted_at: optional('timestamptz'),
  },
  indexes: [['territory_id']],
});

export const programmesArea: DirectoryArea = {
  tables: [programmesTable, territoriesTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    ProgrammeLaunched: ({ data, occurredAt }, batch) =>
      batch
        .to(programmesTable)
        .upsert({ programme_id: data.programmeId }, { name: data.name, launched_at: occurredAt.toISOString() }),
    TerritoryAdded: ({ data, occurredAt }, batch) =>
      batch.to(territoriesTable).upsert(
        { programme_id: data.programmeId, territory_id: data.territoryId },
        {
          name: data.name,
          local_governance: data.localGovernance,
          service_variant: data.serviceVariant,
          added_at: occurredAt.toISOString(),
        },
      ),
    TerritorySignalFrameworkAdopted: ({ data, occurredAt }, batch) =>
      batch.to(territoriesTable).patch(
        { programme_id: data.programmeId, territory_id: data.territoryId },
        {
          framework_id: data.frameworkId,
          framework_version: data.version,
          framework_adopted_at: occurredAt.toISOString(),
        },
      ),
  }),
};
