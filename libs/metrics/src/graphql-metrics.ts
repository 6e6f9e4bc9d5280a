import { Counter, Histogram, type Registry } from 'prom-client';
import { BoundedLabel } from './bounded-label.js';
import { METRIC_PREFIX } from './prefix.js';

export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';

export interface OperationObservation {
  /** The operation's name; null for an anonymous operation. */
  readonly name: string | null;
  readonly type: OperationType;
  /** The `extensions.code` of the first error sent, or null when the operation sent none. */
  readonly errorCode: string | null;
  readonly seconds: number;
}

export interface GraphQLMetricsOptions {
  /** Distinct operation names kept as labels; later new names are counted as `other`. */
  readonly operationNameLimit?: number;
  /** Distinct error codes kept as labels; later new codes are counted as `OTHER_ERROR`. */
  readonly errorCodeLimit?: number;
}

export const DEFAULT_OPERATION_NAME_LIMIT = 100;
export const DEFAULT_ERROR_CODE_LIMIT = 30;

/** Seconds: from a cached `{ __typename }` to the operation timeout (30 s by default). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** GraphQL operations by name, type and outcome, their latency, and graphql-ws subscriptions started. */
export class GraphQLMetrics {
  private readonly operations: Counter<'operation' | 'type' | 'outcome'>;
  private readonly duration: Histogram<'operation' | 'type' | 'result'>;
  private readonly subscriptions: Counter<'field'>;
  private readonly names: BoundedLabel;
  private readonly codes: BoundedLabel;

  constructor(registry: Registry, options: GraphQLMetricsOptions = {}) {
    this.names = new BoundedLabel(options.operationNameLimit ?? DEFAULT_OPERATION_NAME_LIMIT, 'other');
    this.codes = new BoundedLabel(
      options.errorCodeLimit ?? DEFAULT_ERROR_CODE_LIMIT,
      'OTHER_ERROR',
      /^[A-Z][A-Z0-9_]{0,63}$/,
    );
    this.operations = new Counter({
      name: `${METRIC_PREFIX}graphql_operations_total`,
      help: 'GraphQL operations answered over HTTP, by operation name, type and outcome (ok, or the extensions.code of the first error)',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}graphql_operation_duration_seconds`,
      help: 'Time from receiving a GraphQL operation to sending its response, by operation name, type and result (ok or error)',
      labelNames: ['operation', 'type', 'result'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    });
    this.subscriptions = new Counter({
      name: `${METRIC_PREFIX}graphql_subscriptions_started_total`,
      help: 'graphql-ws subscriptions started (past authentication and the access guard), by root field',
      labelNames: ['field'],
      registers: [registry],
    });
  }

  /** The label an operation name is counted under: its name, `anonymous`, or `other` past the limit. */
  operationLabel(name: string | null): string {
    return name === null || name === '' ? 'anonymous' : this.names.value(name);
  }

  operation(observation: OperationObservation): void {
    const operation = this.operationLabel(observation.name);
    const outcome = observation.errorCode === null ? 'ok' : this.codes.value(observation.errorCode);
    this.operations.inc({ operation, type: observation.type, outcome });
    this.duration.observe(
      { operation, type: observation.type, result: observation.errorCode === null ? 'ok' : 'error' },
      observation.seconds,
    );
  }

  /**
   * A request refused before its operation was read: the bearer token (UNAUTHENTICATED, the rate
   * limit) or the request itself (BAD_REQUEST). Counted as operation and type `unknown`, not timed.
   */
  refusedRequest(errorCode: string | null): void {
    const outcome = this.codes.value(errorCode ?? 'INTERNAL_SERVER_ERROR');
    this.operations.inc({ operation: 'unknown', type: 'unknown', outcome });
  }

  /** A root subscription field: bounded by the schema, so kept as it is. */
  subscriptionStarted(field: string): void {
    this.subscriptions.inc({ field });
  }
}
