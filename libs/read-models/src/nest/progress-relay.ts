import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import type { ProjectionEngine } from '#projections';
import { READ_MODEL_PROJECTIONS } from '../registry.js';
import { ProjectionEvents, type ProjectionProgress } from './projection-events.js';

/** NOTIFY channel on which a projector says "projection P committed a batch". */
export const PROGRESS_CHANNEL = 'projection_progress';
/** Batches commit many times a second during catch-up: one notification per projection per tick. */
const COALESCE_MS = 50;

/**
 * Carries projection commits between processes on PostgreSQL, so API replicas that run no
 * projections push `signalsUpdated`, `warningRaised` and status changes as soon as a projector in
 * another process commits, instead of on their next poll (which stays as the fallback). The
 * projector publishes after each commit; an API without a local engine listens. On PGlite there
 * is one process, and local commits already reach its subscribers.
 */
@Injectable()
export class ProjectionProgressRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private publishing: Subscription | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly due = new Map<string, ProjectionProgress>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase,
    private readonly events: ProjectionEvents,
    private readonly engine: ProjectionEngine | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.database.dialect !== 'postgres') return;
    if (this.engine) {
      this.publishing = this.events.committed.subscribe((progress) => this.schedule(progress));
      return;
    }
    this.unlisten = await this.database.listen(
      PROGRESS_CHANNEL,
      (payload) => {
        const progress = parseProgress(payload);
        if (progress) this.events.committed.next(progress);
      },
      // Commits may have been missed while the listener was away: wake every watcher once.
      () => {
        for (const { name } of READ_MODEL_PROJECTIONS) {
          this.events.committed.next({ projection: name, generation: 0, state: 'running' });
        }
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.publishing?.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.();
  }

  private schedule(progress: ProjectionProgress): void {
    this.due.set(progress.projection, progress);
    this.timer ??= setTimeout(() => void this.publish(), COALESCE_MS);
  }

  private async publish(): Promise<void> {
    this.timer = null;
    const batch = [...this.due.values()];
    this.due.clear();
    for (const progress of batch) {
      try {
        await this.database.query('select pg_notify($1, $2)', [PROGRESS_CHANNEL, JSON.stringify(progress)]);
      } catch (error) {
        // Replicas fall back to polling; a lost notification delays a push, it loses nothing.
        this.logger.warn(`Could not announce a commit of ${progress.projection}: ${String(error)}`);
      }
    }
  }
}

export function parseProgress(payload: string): ProjectionProgress | null {
  try {
    const value = JSON.parse(payload) as Partial<ProjectionProgress>;
    if (typeof value.projection !== 'string' || typeof value.generation !== 'number') return null;
    return { projection: value.projection, generation: value.generation, state: String(value.state) };
  } catch {
    return null;
  }
}
