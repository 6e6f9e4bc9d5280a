import type { RecordedEvent } from '#event-store';
import type { Projection } from '#projections';
import { DEFAULT_WARNING_THRESHOLDS, type WarningThresholds } from './rules/warning-rules.js';
import { applyWarningEvent, WARNING_EVENT_TYPES } from './warning-fold.js';
import { loadProjectStates, saveProjectStates } from './warning-state-store.js';
import { WARNING_TABLES } from './warning-tables.js';

export const WARNINGS_PROJECTION = 'warnings';

function projectOf(event: RecordedEvent): string | null {
  const projectId = (event.data as Record<string, unknown>).projectId;
  return typeof projectId === 'string' && projectId.length > 0 ? projectId : null;
}

/**
 * Early warnings (docs/warnings.md): rules evaluated event by event on a minimal state of each
 * project kept in this projection's own tables, so it depends on no other projection. A batch
 * loads the state of the projects it touches, folds its events in memory in log order, and writes
 * back what changed; the same events give the same rows whatever the batch size.
 *
 * The signal-drop rule is not stored here: it is computed at query time from the signal facts
 * (rules/signal-drop.ts), and so is "a barrier open too long" as of now for a quiet project.
 */
export function createWarningsProjection(thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS): Projection {
  return {
    name: WARNINGS_PROJECTION,
    version: 1,
    eventTypes: WARNING_EVENT_TYPES,
    tables: WARNING_TABLES,
    async apply(events, { tx, table }) {
      const projectIds = [...new Set(events.map(projectOf).filter((id): id is string => id !== null))];
      if (projectIds.length === 0) return;
      const states = await loadProjectStates(tx, table, projectIds, thresholds);
      const existing = new Set<string>();
      for (const state of states.values()) for (const record of state.open.values()) existing.add(record.id);
      for (const event of events) {
        const projectId = projectOf(event);
        if (projectId) applyWarningEvent(states.get(projectId)!, event);
      }
      await saveProjectStates(tx, table, states, existing);
    },
  };
}

export const warningsProjection: Projection = createWarningsProjection();
