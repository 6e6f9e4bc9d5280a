import type { DirectoryRow } from '#read-models/directory';
import { date, dateOrNull, text, textOrNull } from '../read-side/row-values.js';
import type { Suggestion } from './suggestion.models.js';

export const toSuggestion = (row: DirectoryRow): Suggestion => ({
  id: text(row.suggestion_id),
  projectId: text(row.project_id),
  suggestedByRole: text(row.suggested_by_role),
  carerId: textOrNull(row.carer_id),
  organisationId: textOrNull(row.organisation_id),
  description: text(row.description),
  topic: text(row.topic),
  status: text(row.status),
  madeAt: date(row.made_at),
  adoptedAt: dateOrNull(row.adopted_at),
  adoptionNote: textOrNull(row.adoption_note),
  decisionId: textOrNull(row.decision_id),
  declinedAt: dateOrNull(row.declined_at),
  declineReason: textOrNull(row.decline_reason),
  declineNote: textOrNull(row.decline_note),
  implementedAt: dateOrNull(row.implemented_at),
  implementationNote: textOrNull(row.implementation_note),
});
