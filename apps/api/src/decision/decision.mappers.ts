import type { DirectoryRow } from '#read-models/directory';
import { bool, date, dateOrNull, int, text, textOrNull } from '../read-side/row-values.js';
import type { Decision } from './decision.models.js';

/** The activities a decision covers, in the order given (a jsonb list; none: empty). */
const activityIds = (row: DirectoryRow) => (row.activity_ids ?? []) as string[];

export const toDecision = (row: DirectoryRow): Decision => ({
  id: text(row.decision_id),
  projectId: text(row.project_id),
  description: text(row.description),
  originalDescription: text(row.original_description),
  decidedByOrganisationId: textOrNull(row.decided_by_organisation_id),
  decidedByRole: text(row.decided_by_role),
  affectsCarers: bool(row.affects_carers),
  carersConsulted: bool(row.carers_consulted),
  originallyCarersConsulted: bool(row.originally_carers_consulted),
  carerInvolvement: textOrNull(row.carer_involvement),
  activityIds: activityIds(row),
  activityId: activityIds(row)[0] ?? null,
  takenAt: date(row.taken_at),
  status: text(row.status),
  contestedCount: int(row.contested_count),
  contestedByCarersCount: int(row.contested_by_carers_count),
  lastContestedAt: dateOrNull(row.last_contested_at),
  revisionCount: int(row.revision_count),
  lastRevisedAt: dateOrNull(row.last_revised_at),
  lastRevisionReason: textOrNull(row.last_revision_reason),
});
