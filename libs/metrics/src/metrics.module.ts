import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { EVENT_STORE, EVENT_STORE_OBSERVER, type EventStore } from '#event-store';
import { projectionStatuses, type ProjectionEngine, type ProjectionStatus } from '#projections';
import { PROJECTION_ENGINE, READ_MODEL_PROJECTIONS } from '#read-models';
import { MetricsController } from './metrics.controller.js';
import { PlatformMetrics, processMetrics } from './platform-metrics.js';
import { SubscriptionMetricsInterceptor } from './subscription-metrics.interceptor.js';

/**
 * The status of the projections whose lease this process holds, with the runners' current rate
 * (the stored one is that of the last batch). None without a local engine (PROJECTOR=off).
 */
export async function localProjectionStatuses(
  engine: ProjectionEngine,
  database: SqlDatabase,
  store: EventStore,
): Promise<ProjectionStatus[]> {
  const running = READ_MODEL_PROJECTIONS.filter((projection) => engine.holdsLease(projection.name));
  if (running.length === 0) return [];
  const runners = engine.localRunners();
  return (await projectionStatuses(database, store, running)).map((status) => {
    const runner = runners.find((r) => r.name === status.name && r.generation === status.generation);
    return runner ? { ...status, eventsPerSecond: runner.eventsPerSecond } : status;
  });
}

/** Feeds the projection gauges from this process's engine while the application runs. */
@Injectable()
class ProjectionMetricsFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private remove: (() => void) | null = null;

  constructor(
    @Inject(PlatformMetrics) private readonly metrics: PlatformMetrics,
    @Optional() @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine | null,
    @Optional() @Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase | null,
    @Optional() @Inject(EVENT_STORE) private readonly store: EventStore | null,
  ) {}

  onApplicationBootstrap(): void {
    const { engine, database, store } = this;
    if (!engine || !database || !store) return;
    this.remove = this.metrics.projections.addSource(() => localProjectionStatuses(engine, database, store));
  }

  onApplicationShutdown(): void {
    this.remove?.();
    this.remove = null;
  }
}

export interface MetricsModuleOptions {
  /** The API process: also count graphql-ws subscriptions (the Apollo plugin is added to the GraphQL module). */
  readonly graphql?: boolean;
}

/**
 * `GET /metrics` and the process's metrics registry. Global, so that the event store module finds
 * EVENT_STORE_OBSERVER and times its appends. Import it once per process, with `forRoot`.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions = {}): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        { provide: PlatformMetrics, useFactory: () => processMetrics() },
        { provide: EVENT_STORE_OBSERVER, inject: [PlatformMetrics], useFactory: (m: PlatformMetrics) => m.eventStore },
        ProjectionMetricsFeed,
        ...(options.graphql ? [{ provide: APP_INTERCEPTOR, useClass: SubscriptionMetricsInterceptor }] : []),
      ],
      exports: [PlatformMetrics, EVENT_STORE_OBSERVER],
    };
  }
}
