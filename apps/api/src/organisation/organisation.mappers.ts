import type { DirectoryRow } from '#read-models/directory';
import { date, text, textOrNull } from '../read-side/row-values.js';
import type { Organisation } from './organisation.models.js';

export const toOrganisation = (row: DirectoryRow): Organisation => ({
  id: text(row.organisation_id),
  name: text(row.name),
  kind: text(row.kind),
  culture: textOrNull(row.culture),
  registeredAt: date(row.registered_at),
});
