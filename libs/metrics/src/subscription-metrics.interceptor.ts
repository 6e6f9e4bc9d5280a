import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Observable } from 'rxjs';
import { PlatformMetrics } from './platform-metrics.js';

/**
 * graphql-ws runs subscriptions outside Apollo's request pipeline, so the Apollo plugin never sees
 * them: this counts each one when its root field's subscribe resolver runs, that is once it passed
 * authentication and the access guard (guards run before interceptors).
 */
@Injectable()
export class SubscriptionMetricsInterceptor implements NestInterceptor {
  constructor(@Inject(PlatformMetrics) private readonly metrics: PlatformMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() === 'graphql') {
      const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo | undefined>();
      if (info?.operation.operation === 'subscription' && info.path.prev === undefined)
        this.metrics.graphql.subscriptionStarted(info.fieldName);
    }
    return next.handle();
  }
}
