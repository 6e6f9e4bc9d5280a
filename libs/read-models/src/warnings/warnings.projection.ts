import type { RecordedEvent } from '#event-store';
import { ProjectionMemory, type Projection } from '#projections';
import { DEFAULT_WARNING_THRESHOLDS, type WarningThresholds } from './rules/warning-rules.js';
import { applyWarningEvent, WARNING_EVENT_TYPES } from './warning-fold.js';
import type { ProjectState } from './warning-project-state.js';
import { loadProjectStates, saveProjectStates } from './warning-state-store.js';
import { WARNING_TABLES } from './warning-tables.js';

export const WARNINGS_PROJECTION = 'warnings';

/**
 * Projects whose state stays in memory between batches (least recently touched leave first). A
 * catch-up touches a project every few batches; reloading its state each time cost more than the
 * rules themselves.
 */
export const WARNING_STATES_KEPT = 2_000;

function projectOf(event: RecordedEvent): string | null {
  const projectId = (event.data as Record<string, unknown>).projectId;
  return typeof projectId === 'string' && projectId.length > 0 ? projectId : null;
}

/** The states of the projects of a batch: from memory where kept, else from the tables (one query per table). */
async function statesOf(
  projectIds: readonly string[],
  kept: Map<string, ProjectState>,
  load: (missing: readonly string[]) => Promise<Map<string, ProjectState>>,
): Promise<Map<string, ProjectState>> {
  const missing = projectIds.filter((id) => !kept.has(id));
  const loaded = missing.length > 0 ? await load(missing) : new Map<string, ProjectState>();
  const states = new Map<string, ProjectState>();
  for (const id of projectIds) {
    const state = kept.get(id) ?? loaded.get(id)!;
    // Most recently touched last: Map keeps insertion order, so the first keys are the oldest.
    kept.delete(id);
    kept.set(id, state);
    states.set(id, state);
  }
  for (const id of kept.keys()) {
    if (kept.size <= WARNING_STATES_KEPT) break;
    if (!states.has(id)) kept.delete(id);
  }
  return states;
}

/**
 * Early warnings (docs/warnings.md): rules evaluated event by event on a minimal state of each
 * project kept in this projection's own tables, so it depends on no other projection. A batch
 * takes the state of the projects it touches (kept in the runner's memory from earlier batches,
 * or loaded), folds its events in memory in log order, and writes back what changed; the same
 * events give the same rows whatever the batch size.
 *
 * The signal-drop rule is not stored here: it is computed at query time from the signal facts
 * (rules/signal-drop.ts), and so is "a barrier open too long" as of now for a quiet project.
 */
export function createWarningsProjection(thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS): Projection {
  return {
    name: WARNINGS_PROJECTION,
    // 2: barrier warnings raised at their deadline (also before the event is folded); the partnership,
    // contest and suggestion rules. 3: invitations, newcomers, coordination concerns and carers' requests
    // in the subjects table; the rules MISTRUST_REFUSALS, NEWCOMERS_ONLY_BY_WORD_OF_MOUTH,
    // MEETING_FORMAT_CONCERNS_UNRESOLVED and CARER_REQUESTS_NOT_MET. 4: a decision's activities as a
    // list (rm_warning_decisions.activity_ids, was activity_id); instrument responses move the clock.
    version: 4,
    eventTypes: WARNING_EVENT_TYPES,
    tables: WARNING_TABLES,
    async apply(events, { tx, table, memory = new ProjectionMemory() }) {
      const projectIds = [...new Set(events.map(projectOf).filter((id): id is string => id !== null))];
      if (projectIds.length === 0) return;
      const kept = memory.get('warnings:project-states', () => new Map<string, ProjectState>());
      const states = await statesOf(projectIds, kept, (missing) => loadProjectStates(tx, table, missing, thresholds));
      const existing = new Set<string>();
      for (const state of states.values()) for (const record of state.open.values()) existing.add(record.id);
      for (const event of events) {
        const projectId = projectOf(event);
        if (projectId) applyWarningEvent(states.get(projectId)!, event);
      }
      await saveProjectStates(tx, table, states, existing);
      for (const state of states.values()) state.markSaved();
    },
  };
}

export const warningsProjection: Projection = createWarningsProjection();
