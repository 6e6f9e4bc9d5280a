import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, mergeMap, type Observable, of } from 'rxjs';
import { CommandResults } from './command-results.js';
import { commandError } from './command.reasons.js';
import { MutationResult } from './mutation-result.model.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Idempotent mutations: a mutation sent again with a command id it already succeeded with
 * returns its first result and runs nothing; the same id on another mutation is a conflict.
 */
@Injectable()
export class CommandIdInterceptor implements NestInterceptor {
  constructor(private readonly results: CommandResults) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const commandId = (gql.getArgs<{ input?: { commandId?: unknown } }>().input ?? {}).commandId;
    if (info.parentType.name !== 'Mutation' || typeof commandId !== 'string' || !UUID.test(commandId))
      return next.handle();
    const mutation = info.fieldName;
    return from(this.results.find(commandId)).pipe(
      mergeMap((earlier) => {
        if (earlier) {
          if (earlier.mutation !== mutation) {
            throw commandError('COMMAND_ID_REUSED', `Command id ${commandId} was already used by ${earlier.mutation}`, {
              commandId,
            });
          }
          return of(earlier.result);
        }
        return next.handle().pipe(
          mergeMap(async (result: unknown) => {
            if (result instanceof MutationResult) await this.results.record(commandId, mutation, result);
            return result;
          }),
        );
      }),
    );
  }
}
