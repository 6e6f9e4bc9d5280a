import type { DirectoryRow } from '#read-models/directory';
import { date, dateOrNull, int, text, textOrNull } from '../read-side/row-values.js';
import type { SurveyInstrument } from './survey-instrument.models.js';

export const toSurveyInstrument = (row: DirectoryRow): SurveyInstrument => ({
  id: text(row.instrument_id),
  name: text(row.name),
  description: textOrNull(row.description),
  measures: text(row.measures),
  itemCount: int(row.item_count),
  respondents: text(row.respondents ?? 'carers'),
  items: (row.items ?? null) as string[] | null,
  scale: {
    minimum: int(row.scale_minimum),
    maximum: int(row.scale_maximum),
    labels: (row.scale_labels ?? null) as SurveyInstrument['scale']['labels'],
  },
  status: text(row.status),
  registeredAt: date(row.registered_at),
  retiredAt: dateOrNull(row.retired_at),
  retirementReason: textOrNull(row.retirement_reason),
});
