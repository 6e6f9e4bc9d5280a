import { Inject, Injectable } from '@nestjs/common';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { projectionStatuses } from '#projections';
import { ProjectionEvents, READ_MODEL_PROJECTIONS, watchChanges } from '#read-models';
import { ProjectionStatusModel } from './projection-status.model.js';

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
  watch(): AsyncGenerator<ProjectionStatusModel[]> {
    return watchChanges(this.events, () => this.statuses());
  }
}
