import { Gauge, type Registry } from 'prom-client';
import type { ProjectionState, ProjectionStatus } from '#projections';
import { METRIC_PREFIX } from './prefix.js';

/** Where the projections this process runs stand, read when Prometheus scrapes. */
export type ProjectionStatusSource = () => Promise<readonly ProjectionStatus[]>;

export const PROJECTION_STATES: readonly ProjectionState[] = [
  'running',
  'catching_up',
  'rebuilding',
  'paused',
  'failed',
];

export interface ProjectionMetricsOptions {
  /** A scrape that waits longer than this for the status reports it as down (status_up 0). */
  readonly timeoutMs?: number;
}

interface Snapshot {
  readonly ok: boolean;
  readonly statuses: readonly ProjectionStatus[];
}

/**
 * Projection gauges, filled at scrape time from the engine's status (a collect() callback per
 * gauge; one status read per scrape serves them all). A projection this process does not run has
 * no series here: the process holding its lease reports it.
 */
export class ProjectionMetrics {
  private readonly sources = new Set<ProjectionStatusSource>();
  private pending: Promise<Snapshot> | null = null;
  private readonly timeoutMs: number;

  constructor(registry: Registry, options: ProjectionMetricsOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    const perProjection = (
      name: string,
      help: string,
      value: (status: ProjectionStatus) => number | null,
    ): Gauge<'projection'> => {
      const gauge: Gauge<'projection'> = new Gauge({
        name: `${METRIC_PREFIX}projection_${name}`,
        help,
        labelNames: ['projection'],
        registers: [registry],
        collect: async () => {
          const snapshot = await this.snapshot();
          gauge.reset();
          for (const status of snapshot.statuses) {
            const current = value(status);
            if (current !== null && Number.isFinite(current)) gauge.set({ projection: status.name }, current);
          }
        },
      });
      return gauge;
    };
    perProjection(
      'lag_events',
      'Events of the types a projection reads that lie after its live checkpoint (absent where the store cannot count them: KurrentDB)',
      (status) => status.lagEvents,
    );
    perProjection(
      'lag_seconds',
      'Age of the oldest event a projection has not processed yet (0 when it is up to date)',
      (status) => status.lagSeconds,
    );
    perProjection(
      'events_per_second',
      'Events a projection processed per second over the last 10 seconds (its live generation)',
      (status) => status.eventsPerSecond,
    );
    perProjection(
      'events_processed',
      'Events processed by the live generation of a projection since it was created',
      (status) => status.eventsProcessed,
    );
    perProjection(
      'generation',
      'The live generation of a projection (it grows by one with each rebuild)',
      (status) => status.generation,
    );
    perProjection(
      'rebuild_progress',
      'Progress of a rebuild from 0 to 1 (present only while a new generation is being built and its remaining events can be counted)',
      (status) => status.rebuild?.progress ?? null,
    );
    perProjection(
      'failed',
      '1 when a projection (its live generation or a rebuild) is stopped at an event its handler failed on, else 0',
      (status) => (status.failure || status.rebuild?.failure ? 1 : 0),
    );
    const state: Gauge<'projection' | 'state'> = new Gauge({
      name: `${METRIC_PREFIX}projection_state`,
      help: 'The state of a projection: 1 for its current state (running, catching_up, rebuilding, paused, failed), 0 for the others',
      labelNames: ['projection', 'state'],
      registers: [registry],
      collect: async () => {
        const snapshot = await this.snapshot();
        state.reset();
        for (const status of snapshot.statuses)
          for (const candidate of PROJECTION_STATES)
            state.set({ projection: status.name, state: candidate }, status.state === candidate ? 1 : 0);
      },
    });
    const held: Gauge = new Gauge({
      name: `${METRIC_PREFIX}event_log_held_back_seconds`,
      help: 'How long an append transaction still in flight has held back the events committed after it (0 when none has for more than a second; absent where this process runs no projections)',
      registers: [registry],
      collect: async () => {
        const snapshot = await this.snapshot();
        held.reset();
        if (snapshot.statuses.length === 0) return;
        held.set(Math.max(0, ...snapshot.statuses.map((status) => status.logHeldBack?.seconds ?? 0)));
      },
    });
    const up: Gauge = new Gauge({
      name: `${METRIC_PREFIX}projection_status_up`,
      help: '0 when this scrape could not read the projections status (it failed or timed out; the projection gauges are then absent), else 1',
      registers: [registry],
      collect: async () => {
        const snapshot = await this.snapshot();
        up.set(snapshot.ok ? 1 : 0);
      },
    });
  }

  /** Adds where to read statuses from; returns how to remove it (at shutdown). */
  addSource(source: ProjectionStatusSource): () => void {
    this.sources.add(source);
    this.pending = null;
    return () => {
      this.sources.delete(source);
      this.pending = null;
    };
  }

  /**
   * One read shared by the gauges of a scrape: they collect concurrently, so they all join the read
   * in flight (as do concurrent scrapes); the next scrape reads again.
   */
  private snapshot(): Promise<Snapshot> {
    if (this.pending) return this.pending;
    const pending = this.read().finally(() => {
      if (this.pending === pending) this.pending = null;
    });
    this.pending = pending;
    return pending;
  }

  private async read(): Promise<Snapshot> {
    if (this.sources.size === 0) return { ok: true, statuses: [] };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('projection status timed out')), this.timeoutMs);
      timer.unref();
    });
    try {
      const lists = await Promise.race([Promise.all([...this.sources].map((source) => source())), timedOut]);
      return { ok: true, statuses: lists.flat() };
    } catch {
      return { ok: false, statuses: [] };
    } finally {
      clearTimeout(timer);
    }
  }
}
