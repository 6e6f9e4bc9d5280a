import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { defineTable, optional, required, withDefault } from './table.js';

export const surveyInstrumentsTable = defineTable({
  name: 'rm_survey_instruments',
  key: ['instrument_id'],
  columns: {
    instrument_id: required('text'),
    name: required('text'),
    description: optional('text'),
    measures: required('text'),
    item_count: required('integer'),
    scale_minimum: required('integer'),
    scale_maximum: required('integer'),
    /** `[{ value, label }]` or null for an unlabelled scale. */
    scale_labels: optional('jsonb'),
    /** Who answers it: carers or partner_members (v1 events read as carers). */
    respondents: withDefault('text', 'carers'),
    /** The wording of each item, in order, or null when only the count is known. */
    items: optional('jsonb'),
    status: withDefault('text', 'active'),
    registered_at: required('timestamptz'),
    retired_at: optional('timestamptz'),
    retirement_reason: optional('text'),
  },
  indexes: [['name', 'instrument_id']],
});

export const surveyInstrumentsArea: DirectoryArea = {
  tables: [surveyInstrumentsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    SurveyInstrumentRegistered: ({ data, occurredAt }, batch) =>
      batch.to(surveyInstrumentsTable).upsert(
        { instrument_id: data.instrumentId },
        {
          name: data.name,
          description: data.description,
          measures: data.measures,
          item_count: data.itemCount,
          scale_minimum: data.scale.minimum,
          scale_maximum: data.scale.maximum,
          scale_labels: data.scale.labels,
          // Hand-made or partial events may lack the v2 fields.
          respondents: data.respondents ?? 'carers',
          items: data.items ?? null,
          status: 'active',
          registered_at: occurredAt.toISOString(),
        },
      ),
    SurveyInstrumentRetired: ({ data, occurredAt }, batch) =>
      batch
        .to(surveyInstrumentsTable)
        .patch(
          { instrument_id: data.instrumentId },
          { status: 'retired', retired_at: occurredAt.toISOString(), retirement_reason: data.reason },
        ),
  }),
};
