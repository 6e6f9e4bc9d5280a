import type { SqlDatabase } from '#database';
import type { EventStore, GlobalPosition } from '#event-store';
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
}

async function lagOf(store: EventStore, projection: Projection, run: ProjectionRun) {
  const filter = { eventTypes: projection.eventTypes };
  const [count, next] = await Promise.all([
    store.countAfter(run.checkpoint, filter),
    store.readAll({ after: run.checkpoint, limit: 1, filter }),
  ]);
  const oldest = next.events[0];
  const seconds = oldest ? Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000) : 0;
  return { events: count, seconds: Math.round(seconds * 10) / 10 };
}

/** Where every projection stands, read from the shared tables so any process can report it. */
export async function projectionStatuses(
  database: SqlDatabase,
  store: EventStore,
  projections: readonly Projection[],
): Promise<ProjectionStatus[]> {
  const all = await runs.all(database);
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
    });
  }
  return statuses;
}
