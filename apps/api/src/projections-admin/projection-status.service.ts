import { Inject, Injectable } from '@nestjs/common';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { projectionStatuses } from '#projections';
import { ProjectionEvents, READ_MODEL_PROJECTIONS } from '#read-models';
import { ProjectionStatusModel } from './projection-status.model.js';

/** A status push at most this often while projections commit batches. */
const PUSH_INTERVAL_MS = 250;
/** Without local commits (projector in another process), look again this often. */
const POLL_INTERVAL_MS = 1_000;

@Injectable()
export class ProjectionStatusService {
  constructor(
    @Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly events: ProjectionEvents,
  ) {}

  async statuses(): Promise<ProjectionStatusModel[]> {
    return (await projectionStatuses(this.database, this.store, READ_MODEL_PROJECTIONS)).map(ProjectionStatusModel.of);
  }

  async status(name: string): Promise<ProjectionStatusModel | null> {
    return (await this.statuses()).find((status) => status.name === name) ?? null;
  }

  /** Status updates: after local commits (throttled) or on a slow poll, only when something changed. */
  async *watch(): AsyncGenerator<ProjectionStatusModel[]> {
    let wake: (() => void) | null = null;
    let pending = true;
    const subscription = this.events.committed.subscribe(() => {
      pending = true;
      wake?.();
    });
    let previous = '';
    try {
      for (;;) {
        if (!pending) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, POLL_INTERVAL_MS).unref();
          });
          wake = null;
        }
        pending = false;
        const statuses = await this.statuses();
        const fingerprint = JSON.stringify(statuses, (_key, value: unknown) =>
          typeof value === 'bigint' ? String(value) : value,
        );
        if (fingerprint !== previous) {
          previous = fingerprint;
          yield statuses;
        }
        await new Promise((resolve) => setTimeout(resolve, PUSH_INTERVAL_MS).unref());
      }
    } finally {
      subscription.unsubscribe();
    }
  }
}
