import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type Observable, throwError, timeout } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '#config';
import { LIMIT_CODES, limitRefusal } from './limit-refusal.js';
import { markOperationStart } from './operation-clock.js';

/**
 * Bounds every query and mutation by `OPERATION_TIMEOUT_MS`, measured from the start of the
 * operation: each root field gets what is left of the budget, and a root field that would start
 * after the budget is spent (a later field of a mutation) is not run at all. Subscriptions are
 * long-lived and not bounded.
 *
 * The timeout stops the wait, not the work already started: a mutation that timed out may still be
 * recorded. Clients retry it with the same `commandId`, which is idempotent (the first result is
 * returned and nothing is written twice).
 */
@Injectable()
export class OperationTimeoutInterceptor implements NestInterceptor {
  private readonly limitMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limitMs = config.limits.operationTimeoutMs;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.operation.operation === 'subscription' || info.path.prev !== undefined) return next.handle();
    const started = markOperationStart(gql.getContext<object>());
    const remaining = started + this.limitMs - Date.now();
    if (remaining <= 0) return throwError(() => this.timedOut(started));
    return next.handle().pipe(timeout({ first: remaining, with: () => throwError(() => this.timedOut(started)) }));
  }

  private timedOut(started: number) {
    const elapsed = Date.now() - started;
    return limitRefusal(
      LIMIT_CODES.timeout,
      `The operation did not finish within the limit of ${this.limitMs} ms (stopped after ${elapsed} ms). ` +
        'A mutation may still have been recorded: retry it with the same commandId, which is idempotent',
      { limit: this.limitMs, measured: elapsed },
    );
  }
}
