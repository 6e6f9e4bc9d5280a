import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { prepareProjections, ProjectionAdmin, ProjectionEngine, type ProjectionRunner } from '#projections';
import { READ_MODEL_PROJECTIONS } from '../registry.js';
import { ConsistencyService } from './consistency.service.js';
import { ProjectionEvents } from './projection-events.js';
import { ProjectionProgressRelay } from './progress-relay.js';
import { LogHoldMonitor } from './log-hold-monitor.js';

export const PROJECTION_ENGINE = Symbol('PROJECTION_ENGINE');

@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine | null,
    @Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Without a local engine the tables still have to exist for queries and admin actions.
    if (this.engine) await this.engine.start();
    else await prepareProjections(this.database, READ_MODEL_PROJECTIONS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine?.stop();
  }
}

/**
 * Read models: the projections, their admin, and waiting for a consistency token. With
 * `runEngine` this process also runs the projections (npm start, and the projector app).
 */
@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(options: { runEngine: boolean }): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        ProjectionEvents,
        {
          provide: PROJECTION_ENGINE,
          inject: [OPERATIONAL_DATABASE, EVENT_STORE, ProjectionEvents, APP_CONFIG],
          useFactory: (database: SqlDatabase, store: EventStore, events: ProjectionEvents, config: AppConfig) => {
            if (!options.runEngine) return null;
            const logger = new Logger('Projections');
            return new ProjectionEngine({
              projections: READ_MODEL_PROJECTIONS,
              database,
              store,
              batchSize: config.projectorBatchSize,
              catchUpBatchSize: config.projectorCatchUpBatchSize,
              burstLingerMs: config.projectorLiveLingerMs,
              logger: {
                log: (message) => logger.log(message),
                error: (message, error) => logger.error(message, error),
              },
              onProgress: (runner: ProjectionRunner) => events.progress(runner),
            });
          },
        },
        {
          provide: ProjectionAdmin,
          inject: [OPERATIONAL_DATABASE],
          useFactory: (database: SqlDatabase) => new ProjectionAdmin(database, READ_MODEL_PROJECTIONS),
        },
        {
          provide: ProjectionProgressRelay,
          inject: [OPERATIONAL_DATABASE, ProjectionEvents, PROJECTION_ENGINE],
          useFactory: (database: SqlDatabase, events: ProjectionEvents, engine: ProjectionEngine | null) =>
            new ProjectionProgressRelay(database, events, engine),
        },
        {
          provide: LogHoldMonitor,
          inject: [EVENT_STORE, APP_CONFIG],
          useFactory: (store: EventStore, config: AppConfig) =>
            new LogHoldMonitor(store, config.eventLogHoldLimitSeconds),
        },
        ConsistencyService,
        ProjectionLifecycle,
      ],
      exports: [PROJECTION_ENGINE, ProjectionAdmin, ConsistencyService, ProjectionEvents],
    };
  }
}
