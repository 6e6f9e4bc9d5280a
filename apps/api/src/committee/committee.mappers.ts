import type { DirectoryRow } from '#read-models/directory';
import { date, dateOrNull, int, text, textOrNull } from '../read-side/row-values.js';
import type { CommitteeGoal } from './committee.models.js';

export const toCommitteeGoal = (row: DirectoryRow): CommitteeGoal => ({
  projectId: text(row.project_id),
  goalId: text(row.goal_id),
  description: text(row.description),
  definedAt: date(row.defined_at),
  outcome: textOrNull(row.outcome),
  outcomeNote: textOrNull(row.outcome_note),
  assessedAt: dateOrNull(row.assessed_at),
  firstOutcome: textOrNull(row.first_outcome),
  reassessmentCount: int(row.reassessment_count),
  lastReassessmentReason: textOrNull(row.last_reassessment_reason),
});
