import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The state of the event log this deployment writes to.' })
export class EventStoreStatus {
  @Field({ description: 'pglite (embedded), postgres or kurrentdb.' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Position of the last stored event, as the consistency token mutations return; null when empty.',
  })
  lastPosition!: string | null;

  @Field(() => Int)
  streamCount!: number;
}
