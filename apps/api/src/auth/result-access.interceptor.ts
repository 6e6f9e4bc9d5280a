import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { from, mergeMap, type Observable } from 'rxjs';
import { OPERATION_POLICY } from './operation-policy.js';
import { ProjectAccess } from './project-access.js';
import { rootOperation } from './graphql-request.js';

/**
 * By-id queries only learn the project once they have found the entity: this checks it before
 * the result leaves, so `activity(id)` of another partnership's project is refused like `project(id)`.
 */
@Injectable()
export class ResultAccessInterceptor implements NestInterceptor {
  constructor(private readonly access: ProjectAccess) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const operation = rootOperation(context);
    const resultProject = operation ? OPERATION_POLICY[operation.field]?.resultProject : undefined;
    if (!operation || !resultProject) return next.handle();
    return next.handle().pipe(
      mergeMap((result: unknown) =>
        from(
          (async () => {
            if (result && typeof result === 'object') {
              const projectId = resultProject(result as Record<string, unknown>);
              if (typeof projectId === 'string') await this.access.requireMember(operation.principal, projectId);
            }
            return result;
          })(),
        ),
      ),
    );
  }
}
