import type { SqlDatabase } from '#database';
import type { AppendInFlight, EventStore, GlobalPosition } from '#event-store';
import type { Projection } from './projection.js';
import { runs, type ProjectionRun, type RunFailure } from './runs.js';

export type ProjectionState = 'running' | 'catching_up' | 'rebuilding' | 'paused' | 'failed';

export interface RebuildProgress {
  readonly generation: number;
  readonly checkpoint: GlobalPosition;
  readonly eventsProcessed: number;
  readonly eventsRemaining: number | null;
  /** From 0 to 1; null where the backend cannot count what remains. */
  readonly progress: number | null;
  readonly failure: RunFailure | null;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly generation: number;
  readonly version: number;
  readonly state: ProjectionState;
  readonly checkpoint: GlobalPosition;
  readonly lagEvents: number | null;
  readonly lagSeconds: number | null;
  readonly eventsPerSecond: number;
  readonly eventsProcessed: number;
  readonly failure: RunFailure | null;
  readonly rebuild: RebuildProgress | null;
  readonly updatedAt: Date;
  /** An append open longer than a moment, holding back every event committed after it. */
  readonly logHeldBack: LogHold | null;
}

export interface LogHold extends AppendInFlight {
  readonly seconds: number;
}

/** Appends take milliseconds: one open this long is stuck (or very slow), not merely in flight. */
export const LOG_HOLD_REPORTED_AFTER_MS = 1_000;

/** The append holding the log back, if one has been open for longer than a moment. */
export async function logHold(store: EventStore, now: Date = new Date()): Promise<LogHold | null> {
  const oldest = (await store.oldestAppendInFlight?.()) ?? null;
  if (!oldest) return null;
  const ms = now.getTime() - oldest.since.getTime();
  return ms >= LOG_HOLD_REPORTED_AFTER_MS ? { ...oldest, seconds: Math.round(ms / 100) / 10 } : null;
}

async function lagOf(store: EventStore, projection: Projection, run: ProjectionRun) {
  const filter = { eventTypes: projection.eventTypes };
  // Past the readers' horizon too: while an append holds the log back, the events committed
  // after it wait, and the lag is their age, not zero.
  const [count, recordedAt] = await Promise.all([
    store.countAfter(run.checkpoint, filter),
    store.firstRecordedAfter
      ? store.firstRecordedAfter(run.checkpoint, filter)
      : store.readAll({ after: run.checkpoint, limit: 1, filter }).then((next) => next.events[0]?.recordedAt ?? null),
  ]);
  const seconds = recordedAt ? Math.max(0, (Date.now() - recordedAt.getTime()) / 1000) : 0;
  return { events: count, seconds: Math.round(seconds * 10) / 10 };
}

/** Where every projection stands, read from the shared tables so any process can report it. */
export async function projectionStatuses(
  database: SqlDatabase,
  store: EventStore,
  projections: readonly Projection[],
): Promise<ProjectionStatus[]> {
  const [all, held] = await Promise.all([runs.all(database), logHold(store)]);
  const statuses: ProjectionStatus[] = [];
  for (const projection of projections) {
    const live = all.find((run) => run.projection === projection.name && run.status === 'live');
    if (!live) continue;
    const building = all.find((run) => run.projection === projection.name && run.status === 'building');
    const lag = await lagOf(store, projection, live);
    let rebuild: RebuildProgress | null = null;
    if (building) {
      const remaining = (await lagOf(store, projection, building)).events;
      const total = remaining === null ? null : building.eventsProcessed + remaining;
      rebuild = {
        generation: building.generation,
        checkpoint: building.checkpoint,
        eventsProcessed: building.eventsProcessed,
        eventsRemaining: remaining,
        progress: total === null ? null : total === 0 ? 1 : building.eventsProcessed / total,
        failure: building.failure,
      };
    }
    const state: ProjectionState = live.failure
      ? 'failed'
      : live.paused
        ? 'paused'
        : building
          ? 'rebuilding'
          : live.caughtUp && lag.events !== null && lag.events === 0
            ? 'running'
            : live.caughtUp && lag.events === null
              ? 'running'
              : 'catching_up';
    statuses.push({
      name: projection.name,
      generation: live.generation,
      version: live.version,
      state,
      checkpoint: live.checkpoint,
      lagEvents: lag.events,
      lagSeconds: lag.seconds,
      eventsPerSecond: live.eventsPerSecond,
      eventsProcessed: live.eventsProcessed,
      failure: live.failure,
      rebuild,
      updatedAt: live.updatedAt,
      logHeldBack: held,
    });
  }
  return statuses;
}
