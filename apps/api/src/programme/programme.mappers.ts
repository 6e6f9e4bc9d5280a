import type { DirectoryRow } from '#read-models/directory';
import { date, int, text } from '../read-side/row-values.js';
import type { Programme, Territory } from './programme.models.js';

export const toProgramme = (row: DirectoryRow): Programme => ({
  id: text(row.programme_id),
  name: text(row.name),
  launchedAt: date(row.launched_at),
});

export const toTerritory = (row: DirectoryRow): Territory => ({
  id: text(row.territory_id),
  programmeId: text(row.programme_id),
  name: text(row.name),
  localGovernance: text(row.local_governance),
  serviceVariant: text(row.service_variant),
  addedAt: date(row.added_at),
  framework:
    row.framework_id === null
      ? null
      : {
          frameworkId: text(row.framework_id),
          version: int(row.framework_version),
          adoptedAt: date(row.framework_adopted_at),
        },
});
