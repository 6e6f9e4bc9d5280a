import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CommandResult } from '#command-side';

@ObjectType({
  description: 'What a mutation wrote: pass `position` to queries as `atLeastPosition` to read your own writes.',
})
export class MutationResult {
  @Field(() => ID, { description: 'The id of the aggregate the command touched (project, carer, activity...).' })
  id!: string;

  @Field()
  streamId!: string;

  @Field(() => Int, { description: 'The stream revision after the command.' })
  revision!: number;

  @Field({ description: 'Global position of the last event written: the consistency token.' })
  position!: string;

  @Field(() => [ID])
  eventIds!: string[];

  @Field({
    description: 'True when this command id was seen before: the first result is returned and nothing new written.',
  })
  replayed!: boolean;

  static of(id: string, result: CommandResult): MutationResult {
    return Object.assign(new MutationResult(), {
      id,
      streamId: result.streamId,
      revision: Number(result.revision),
      position: result.position,
      eventIds: [...result.eventIds],
      replayed: result.replayed,
    });
  }
}
