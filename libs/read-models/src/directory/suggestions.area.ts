import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { defineTable, optional, required, withDefault } from './table.js';

/** A suggestion for the service; `status` made, adopted, declined or implemented. */
export const suggestionsTable = defineTable({
  name: 'rm_suggestions',
  key: ['suggestion_id'],
  columns: {
    suggestion_id: required('text'),
    project_id: required('text'),
    suggested_by_role: required('text'),
    carer_id: optional('text'),
    organisation_id: optional('text'),
    description: required('text'),
    topic: required('text'),
    status: withDefault('text', 'made'),
    made_at: required('timestamptz'),
    adopted_at: optional('timestamptz'),
    adoption_note: optional('text'),
    decision_id: optional('text'),
    declined_at: optional('timestamptz'),
    decline_reason: optional('text'),
    decline_note: optional('text'),
    implemented_at: optional('timestamptz'),
    implementation_note: optional('text'),
  },
  indexes: [['project_id', 'made_at', 'suggestion_id']],
});

export const suggestionsArea: DirectoryArea = {
  tables: [suggestionsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    SuggestionMade: ({ data, occurredAt }, batch) =>
      batch.to(suggestionsTable).upsert(
        { suggestion_id: data.suggestionId },
        {
          project_id: data.projectId,
          suggested_by_role: data.suggestedByRole,
          carer_id: data.carerId,
          organisation_id: data.organisationId,
          description: data.description,
          topic: data.topic,
          status: 'made',
          made_at: occurredAt.toISOString(),
        },
      ),
    SuggestionAdopted: ({ data, occurredAt }, batch) =>
      batch.to(suggestionsTable).patch(
        { suggestion_id: data.suggestionId },
        {
          status: 'adopted',
          adopted_at: occurredAt.toISOString(),
          adoption_note: data.note,
          decision_id: data.decisionId,
        },
      ),
    SuggestionDeclined: ({ data, occurredAt }, batch) =>
      batch.to(suggestionsTable).patch(
        { suggestion_id: data.suggestionId },
        {
          status: 'declined',
          declined_at: occurredAt.toISOString(),
          decline_reason: data.reason,
          decline_note: data.note,
        },
      ),
    SuggestionImplemented: ({ data, occurredAt }, batch) =>
      batch
        .to(suggestionsTable)
        .patch(
          { suggestion_id: data.suggestionId },
          { status: 'implemented', implemented_at: occurredAt.toISOString(), implementation_note: data.note },
        ),
  }),
};
