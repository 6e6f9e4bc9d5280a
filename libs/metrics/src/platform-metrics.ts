import { collectDefaultMetrics, Registry } from 'prom-client';
import { EventStoreMetrics } from './event-store-metrics.js';
import { GraphQLMetrics, type GraphQLMetricsOptions } from './graphql-metrics.js';
import { ProjectionMetrics, type ProjectionMetricsOptions } from './projection-metrics.js';

export interface PlatformMetricsOptions extends GraphQLMetricsOptions, ProjectionMetricsOptions {
  /** Process and Node.js metrics (CPU, memory, event loop lag, handles, GC…); on unless false. */
  readonly defaultMetrics?: boolean;
}

/** Every metric a process exposes on /metrics, in one registry. */
export class PlatformMetrics {
  readonly graphql: GraphQLMetrics;
  readonly eventStore: EventStoreMetrics;
  readonly projections: ProjectionMetrics;

  constructor(
    readonly registry: Registry = new Registry(),
    options: PlatformMetricsOptions = {},
  ) {
    this.graphql = new GraphQLMetrics(registry, options);
    this.eventStore = new EventStoreMetrics(registry);
    this.projections = new ProjectionMetrics(registry, options);
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  }

  /** The Prometheus text exposition of every metric. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

let instance: PlatformMetrics | null = null;

/**
 * The metrics of this process: one registry per process, shared by the Nest module (the /metrics
 * controller, the event store observer, the projection gauges) and the Apollo plugin, which is
 * built outside Nest's injector. Tests build their own PlatformMetrics instead.
 */
export function processMetrics(): PlatformMetrics {
  instance ??= new PlatformMetrics();
  return instance;
}
