import type { SqlExecutor } from '#database';
import type { GlobalPosition, RecordedEvent } from '#event-store';

/** How an engine and its shared catch-up name one generation of one projection. */
export function runKey(projection: string, generation: number): string {
  return `${projection}#${generation}`;
}

export type RunStatus = 'live' | 'building' | 'retired';

export interface ProjectionRun {
  readonly projection: string;
  readonly generation: number;
  readonly version: number;
  readonly status: RunStatus;
  readonly checkpoint: GlobalPosition;
  readonly paused: boolean;
  readonly failure: RunFailure | null;
  readonly eventsProcessed: number;
  readonly eventsPerSecond: number;
  readonly caughtUp: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface RunFailure {
  readonly eventId: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly position: GlobalPosition;
  readonly error: string;
  readonly at: Date;
}

interface RunRow {
  projection: string;
  generation: number;
  version: number;
  status: RunStatus;
  checkpoint_commit: string;
  checkpoint_prepare: string;
  paused: boolean;
  failed_event_id: string | null;
  failed_event_type: string | null;
  failed_stream_id: string | null;
  failed_commit: string | null;
  failed_prepare: string | null;
  failed_error: string | null;
  failed_at: Date | null;
  events_processed: string;
  events_per_second: number;
  caught_up: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `projection, generation, version, status, checkpoint_commit::text, checkpoint_prepare::text, paused,
  failed_event_id::text, failed_event_type, failed_stream_id, failed_commit::text, failed_prepare::text, failed_error,
  failed_at, events_processed::text, events_per_second, caught_up, created_at, updated_at`;

function toRun(row: RunRow): ProjectionRun {
  return {
    projection: row.projection,
    generation: Number(row.generation),
    version: Number(row.version),
    status: row.status,
    checkpoint: { commit: BigInt(row.checkpoint_commit), prepare: BigInt(row.checkpoint_prepare) },
    paused: row.paused,
    failure: row.failed_event_id
      ? {
          eventId: row.failed_event_id,
          eventType: row.failed_event_type!,
          streamId: row.failed_stream_id!,
          position: { commit: BigInt(row.failed_commit!), prepare: BigInt(row.failed_prepare!) },
          error: row.failed_error!,
          at: new Date(row.failed_at!),
        }
      : null,
    eventsProcessed: Number(row.events_processed),
    eventsPerSecond: Number(row.events_per_second),
    caughtUp: row.caught_up,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** Reads and writes `projection_runs`; every write goes through the caller's transaction or database. */
export const runs = {
  async all(db: SqlExecutor): Promise<ProjectionRun[]> {
    const rows = await db.query<RunRow>(`select ${COLUMNS} from projection_runs order by projection, generation`);
    return rows.map(toRun);
  },

  async active(db: SqlExecutor, projection: string): Promise<ProjectionRun[]> {
    const rows = await db.query<RunRow>(
      `select ${COLUMNS} from projection_runs where projection = $1 and status <> 'retired' order by generation`,
      [projection],
    );
    return rows.map(toRun);
  },

  async get(db: SqlExecutor, projection: string, generation: number): Promise<ProjectionRun | null> {
    const [row] = await db.query<RunRow>(
      `select ${COLUMNS} from projection_runs where projection = $1 and generation = $2`,
      [projection, generation],
    );
    return row ? toRun(row) : null;
  },

  async nextGeneration(db: SqlExecutor, projection: string): Promise<number> {
    const [row] = await db.query<{ next: number }>(
      'select coalesce(max(generation), 0) + 1 as next from projection_runs where projection = $1',
      [projection],
    );
    return Number(row!.next);
  },

  async create(
    db: SqlExecutor,
    projection: string,
    generation: number,
    version: number,
    status: RunStatus,
  ): Promise<void> {
    await db.query('insert into projection_runs (projection, generation, version, status) values ($1, $2, $3, $4)', [
      projection,
      generation,
      version,
      status,
    ]);
  },

  /**
   * Whether the run is paused, locking its row until the transaction ends: a batch checks it in
   * its own transaction, so a pause waits for the batch in flight and no batch commits after it.
   */
  async pausedForUpdate(tx: SqlExecutor, projection: string, generation: number): Promise<boolean> {
    const [row] = await tx.query<{ paused: boolean }>(
      'select paused from projection_runs where projection = $1 and generation = $2 for update',
      [projection, generation],
    );
    return row?.paused ?? false;
  },

  async advance(
    db: SqlExecutor,
    projection: string,
    generation: number,
    checkpoint: GlobalPosition,
    progress: { processed: number; eventsPerSecond: number; caughtUp: boolean },
  ): Promise<void> {
    await db.query(
      `update projection_runs set checkpoint_commit = $3, checkpoint_prepare = $4,
         events_processed = events_processed + $5, events_per_second = $6, caught_up = $7, updated_at = now()
       where projection = $1 and generation = $2`,
      [
        projection,
        generation,
        checkpoint.commit.toString(),
        checkpoint.prepare.toString(),
        progress.processed,
        progress.eventsPerSecond,
        progress.caughtUp,
      ],
    );
  },

  async fail(
    db: SqlExecutor,
    projection: string,
    generation: number,
    event: RecordedEvent,
    error: string,
  ): Promise<void> {
    await db.query(
      `update projection_runs set failed_event_id = $3, failed_event_type = $4, failed_stream_id = $5,
         failed_commit = $6, failed_prepare = $7, failed_error = $8, failed_at = now(), updated_at = now()
       where projection = $1 and generation = $2`,
      [
        projection,
        generation,
        event.id,
        event.type,
        event.streamId,
        event.position.commit.toString(),
        event.position.prepare.toString(),
        error.slice(0, 4000),
      ],
    );
  },

  async clearFailure(db: SqlExecutor, projection: string, generation: number): Promise<void> {
    await db.query(
      `update projection_runs set failed_event_id = null, failed_event_type = null, failed_stream_id = null,
         failed_commit = null, failed_prepare = null, failed_error = null, failed_at = null, updated_at = now()
       where projection = $1 and generation = $2`,
      [projection, generation],
    );
  },

  async setPaused(db: SqlExecutor, projection: string, paused: boolean): Promise<void> {
    await db.query(
      `update projection_runs set paused = $2, updated_at = now() where projection = $1 and status <> 'retired'`,
      [projection, paused],
    );
  },

  async setStatus(db: SqlExecutor, projection: string, generation: number, status: RunStatus): Promise<void> {
    await db.query(
      'update projection_runs set status = $3, updated_at = now() where projection = $1 and generation = $2',
      [projection, generation, status],
    );
  },
};
