import type { SqlDatabase } from '#database';
import { projectionAdminError } from './admin.reasons.js';
import { notifyControl } from './control.js';
import { createGeneration } from './generations.js';
import type { Projection } from './projection.js';
import { runs, type ProjectionRun } from './runs.js';

/**
 * What an admin can do to projections. It only writes `projection_runs` (and dead letters) and
 * notifies: the process that holds a projection's lease reconciles its runners to that state,
 * so these work from the API process whether the projector runs inline or on its own.
 */
export class ProjectionAdmin {
  constructor(
    private readonly database: SqlDatabase,
    private readonly projections: readonly Projection[],
  ) {}

  private projection(name: string): Projection {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection)
      throw projectionAdminError('PROJECTION_NOT_FOUND', `There is no projection named ${name}`, { projection: name });
    return projection;
  }

  private async live(name: string): Promise<ProjectionRun> {
    this.projection(name);
    const live = (await runs.active(this.database, name)).find((run) => run.status === 'live');
    if (!live)
      throw projectionAdminError('PROJECTION_NOT_STARTED', `Projection ${name} has not started yet`, {
        projection: name,
      });
    return live;
  }

  async pause(name: string): Promise<void> {
    await this.live(name);
    await runs.setPaused(this.database, name, true);
    await notifyControl(this.database);
  }

  async resume(name: string): Promise<void> {
    await this.live(name);
    await runs.setPaused(this.database, name, false);
    await notifyControl(this.database);
  }

  /** Tries the failed event again (after a fix was deployed, say). */
  async retry(name: string): Promise<void> {
    const failed = (await runs.active(this.database, name)).filter((run) => run.failure);
    if (failed.length === 0)
      throw projectionAdminError('PROJECTION_NOT_FAILED', `Projection ${name} has no failed event to retry`);
    for (const run of failed) await runs.clearFailure(this.database, name, run.generation);
    await notifyControl(this.database);
  }

  /** Moves the failed event to the dead-letter table and carries on after it. */
  async skip(name: string, skippedBy: string): Promise<{ eventId: string }> {
    this.projection(name);
    const failed = (await runs.active(this.database, name)).find((run) => run.failure);
    if (!failed?.failure)
      throw projectionAdminError('PROJECTION_NOT_FAILED', `Projection ${name} has no failed event to skip`);
    const failure = failed.failure;
    await this.database.transaction(async (tx) => {
      await tx.query(
        `insert into projection_dead_letters
           (projection, generation, event_id, event_type, stream_id, commit_position, prepare_position, error, skipped_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          name,
          failed.generation,
          failure.eventId,
          failure.eventType,
          failure.streamId,
          failure.position.commit.toString(),
          failure.position.prepare.toString(),
          failure.error,
          skippedBy,
        ],
      );
      await runs.advance(tx, name, failed.generation, failure.position, {
        processed: 0,
        eventsPerSecond: 0,
        caughtUp: false,
      });
      await runs.clearFailure(tx, name, failed.generation);
    });
    await notifyControl(this.database);
    return { eventId: failure.eventId };
  }

  /** Starts filling a new generation from position zero; the live one serves until the swap. */
  async rebuild(name: string): Promise<{ generation: number }> {
    const projection = this.projection(name);
    const generation = await this.database.transaction(async (tx) => {
      const active = await runs.active(tx, name);
      if (active.some((run) => run.status === 'building')) {
        throw projectionAdminError('REBUILD_IN_PROGRESS', `Projection ${name} is already being rebuilt`);
      }
      return createGeneration(tx, projection, 'building');
    });
    await notifyControl(this.database);
    return { generation };
  }

  async deadLetters(name?: string) {
    return this.database.query<{
      id: string;
      projection: string;
      event_id: string;
      event_type: string;
      stream_id: string;
      error: string;
      skipped_by: string;
      skipped_at: Date;
    }>(
      `select id::text, projection, event_id::text, event_type, stream_id, error, skipped_by, skipped_at
       from projection_dead_letters where ($1::text is null or projection = $1) order by id`,
      [name ?? null],
    );
  }
}
