import type { RecordedEvent } from '#event-store';
import { knownSince } from '../shared/known-since.js';
import { factHandlers, type FactColumns } from './fact-handlers.js';
import type { SignalFact } from './fact-kinds.js';

/** The event types the signal-facts projection subscribes to: those a fact handler is declared for. */
export const SIGNAL_FACT_EVENT_TYPES: readonly string[] = factHandlers.eventTypes;

/** The columns of the event's fact, or null for an event that writes none. */
export function factColumnsOf(event: RecordedEvent): FactColumns | null {
  return factHandlers.handle(event, undefined) ?? null;
}

/** The project the event names, if any (every project event's data carries `projectId`). */
function projectIdOf(event: RecordedEvent): string | null {
  const projectId = event.data.projectId;
  return typeof projectId === 'string' ? projectId : null;
}

/**
 * The project whose territory the event's fact takes from the projection's memory, or null when
 * the fact names its own territory or has no project.
 */
export function territoryProjectOf(event: RecordedEvent, columns: FactColumns): string | null {
  return columns.territory_id === undefined ? projectIdOf(event) : null;
}

/**
 * The fact an event becomes, or null. `territoryOf` answers the territory of a project as the
 * projection knows it at this point of the log (from the project's launch).
 */
export function factOf(event: RecordedEvent, territoryOf: (projectId: string) => string | null): SignalFact | null {
  const columns = factColumnsOf(event);
  return columns ? factFrom(event, columns, territoryOf) : null;
}

/** The fact of an event whose columns are already known (see factOf). */
export function factFrom(
  event: RecordedEvent,
  columns: FactColumns,
  territoryOf: (projectId: string) => string | null,
): SignalFact {
  const projectId = projectIdOf(event);
  const territoryId =
    columns.territory_id !== undefined
      ? columns.territory_id
      : ((projectId && territoryOf(projectId)) ?? event.metadata.territoryId ?? null);
  return {
    event_id: event.id,
    pos_commit: event.position.commit.toString(),
    pos_prepare: event.position.prepare.toString(),
    project_id: projectId,
    territory_id: territoryId,
    carer_id: null,
    activity_id: null,
    organisation_id: null,
    category: null,
    detail: null,
    flag: null,
    amount: null,
    total: null,
    data: {},
    ...columns,
    occurred_at: event.occurredAt.toISOString(),
    recorded_at: knownSince(event).toISOString(),
  };
}
