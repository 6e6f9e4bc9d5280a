import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { formatPosition } from '#event-store';
import type { ProjectionStatus, RunFailure } from '#projections';

export enum ProjectionStateEnum {
  running = 'running',
  catching_up = 'catching_up',
  rebuilding = 'rebuilding',
  paused = 'paused',
  failed = 'failed',
}
registerEnumType(ProjectionStateEnum, { name: 'ProjectionState' });

@ObjectType({ description: 'The event a projection stopped at, and why.' })
export class ProjectionFailure {
  @Field(() => ID) eventId!: string;
  @Field() eventType!: string;
  @Field() streamId!: string;
  @Field() position!: string;
  @Field() error!: string;
  @Field() at!: Date;

  static of(failure: RunFailure | null): ProjectionFailure | null {
    if (!failure) return null;
    return Object.assign(new ProjectionFailure(), { ...failure, position: formatPosition(failure.position) });
  }
}

@ObjectType({ description: 'A rebuild filling a new generation while the live one serves.' })
export class RebuildProgressModel {
  @Field(() => Int) generation!: number;
  @Field() checkpoint!: string;
  @Field(() => Float) eventsProcessed!: number;
  @Field(() => Float, { nullable: true }) eventsRemaining!: number | null;
  @Field(() => Float, { nullable: true, description: 'From 0 to 1; null where the event store cannot count.' })
  progress!: number | null;
  @Field(() => ProjectionFailure, { nullable: true }) failure!: ProjectionFailure | null;
}

@ObjectType('LogHold', {
  description:
    'An append transaction of the platform that has stayed open (a stuck writer): every event committed after it waits until it ends.',
})
export class LogHoldModel {
  @Field({ description: "The server's transaction id of the open append." }) transactionId!: string;
  @Field(() => Int, { description: 'The server process (backend) running it.' }) pid!: number;
  @Field({ description: 'When its transaction began.' }) since!: Date;
  @Field(() => Float, { description: 'How long it has been open.' }) seconds!: number;
}

@ObjectType('ProjectionStatus')
export class ProjectionStatusModel {
  @Field() name!: string;
  @Field(() => Int, { description: 'The live generation: each rebuild creates a new one.' }) generation!: number;
  @Field(() => Int) version!: number;
  @Field(() => ProjectionStateEnum) state!: ProjectionStateEnum;
  @Field({ description: 'Position of the last event processed (a consistency token).' }) checkpoint!: string;
  @Field(() => Float, { nullable: true, description: 'Events still to process; null where the store cannot count.' })
  lagEvents!: number | null;
  @Field(() => Float, { nullable: true, description: 'Age of the oldest event not yet processed.' })
  lagSeconds!: number | null;
  @Field(() => Float) eventsPerSecond!: number;
  @Field(() => Float) eventsProcessed!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => ProjectionFailure, { nullable: true }) failure!: ProjectionFailure | null;
  @Field(() => RebuildProgressModel, { nullable: true }) rebuild!: RebuildProgressModel | null;
  @Field() updatedAt!: Date;
  @Field(() => LogHoldModel, {
    nullable: true,
    description:
      'Set while an append open for over a second holds the log back: the projection cannot read past it (lagSeconds grows meanwhile).',
  })
  logHeldBack!: LogHoldModel | null;

  static of(status: ProjectionStatus): ProjectionStatusModel {
    return Object.assign(new ProjectionStatusModel(), {
      ...status,
      state: status.state as ProjectionStateEnum,
      checkpoint: formatPosition(status.checkpoint),
      lastError: status.failure?.error ?? status.rebuild?.failure?.error ?? null,
      failure: ProjectionFailure.of(status.failure),
      logHeldBack: status.logHeldBack ? Object.assign(new LogHoldModel(), status.logHeldBack) : null,
      rebuild: status.rebuild
        ? Object.assign(new RebuildProgressModel(), {
            ...status.rebuild,
            checkpoint: formatPosition(status.rebuild.checkpoint),
            failure: ProjectionFailure.of(status.rebuild.failure),
          })
        : null,
    });
  }
}

@ObjectType({ description: 'An event an admin skipped after it failed a projection.' })
export class DeadLetter {
  @Field(() => ID) id!: string;
  @Field() projection!: string;
  @Field(() => ID) eventId!: string;
  @Field() eventType!: string;
  @Field() streamId!: string;
  @Field() error!: string;
  @Field() skippedBy!: string;
  @Field() skippedAt!: Date;
}
