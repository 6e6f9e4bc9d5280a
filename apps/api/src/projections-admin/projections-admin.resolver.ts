import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { ProjectionAdmin } from '#projections';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { queryError } from '../read-side/query.reasons.js';
import { DeadLetter, ProjectionStatusModel } from './projection-status.model.js';
import { ProjectionStatusService } from './projection-status.service.js';

/** Admins watch and steer projections: lag, errors, rebuilds. */
@Resolver(() => ProjectionStatusModel)
export class ProjectionsAdminResolver {
  constructor(
    private readonly admin: ProjectionAdmin,
    private readonly status: ProjectionStatusService,
  ) {}

  private async current(name: string): Promise<ProjectionStatusModel> {
    const status = await this.status.status(name);
    if (!status) throw queryError('PROJECTION_NOT_FOUND', `There is no projection named ${name}`, { projection: name });
    return status;
  }

  @Query(() => [ProjectionStatusModel], {
    description: 'Where every projection stands: state, checkpoint, lag, speed, errors.',
  })
  projections(): Promise<ProjectionStatusModel[]> {
    return this.status.statuses();
  }

  @Query(() => [DeadLetter], { description: 'Events skipped after they failed a projection.' })
  async deadLetters(@Args('projection', { nullable: true }) projection?: string): Promise<DeadLetter[]> {
    const rows = await this.admin.deadLetters(projection);
    return rows.map((row) =>
      Object.assign(new DeadLetter(), {
        id: row.id,
        projection: row.projection,
        eventId: row.event_id,
        eventType: row.event_type,
        streamId: row.stream_id,
        error: row.error,
        skippedBy: row.skipped_by,
        skippedAt: new Date(row.skipped_at),
      }),
    );
  }

  @Mutation(() => ProjectionStatusModel)
  async pauseProjection(@Args('name') name: string): Promise<ProjectionStatusModel> {
    await this.admin.pause(name);
    return this.current(name);
  }

  @Mutation(() => ProjectionStatusModel)
  async resumeProjection(@Args('name') name: string): Promise<ProjectionStatusModel> {
    await this.admin.resume(name);
    return this.current(name);
  }

  @Mutation(() => ProjectionStatusModel, { description: 'Try the failed event again (e.g. after a fix was deployed).' })
  async retryProjection(@Args('name') name: string): Promise<ProjectionStatusModel> {
    await this.admin.retry(name);
    return this.current(name);
  }

  @Mutation(() => ProjectionStatusModel, {
    description: 'Move the failed event to the dead letters and carry on after it.',
  })
  async skipProjectionEvent(@Args('name') name: string, @CurrentActor() actor: Actor): Promise<ProjectionStatusModel> {
    await this.admin.skip(name, actor.id);
    return this.current(name);
  }

  @Mutation(() => ProjectionStatusModel, {
    description: 'Rebuild from position zero into a new generation; the live one keeps serving until the swap.',
  })
  async rebuildProjection(@Args('name') name: string): Promise<ProjectionStatusModel> {
    await this.admin.rebuild(name);
    return this.current(name);
  }

  @Subscription(() => [ProjectionStatusModel], {
    description: 'Projection statuses and rebuild progress as they change.',
  })
  projectionStatus(): AsyncIterator<{ projectionStatus: ProjectionStatusModel[] }> {
    const source = this.status.watch();
    return (async function* () {
      for await (const statuses of source) yield { projectionStatus: statuses };
    })();
  }
}
