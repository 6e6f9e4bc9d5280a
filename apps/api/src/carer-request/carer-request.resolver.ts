import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { carerRequestAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import { DeclineCarerRequestInput, MakeCarerRequestInput, MeetCarerRequestInput } from './carer-request.inputs.js';

@Resolver()
export class CarerRequestResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, {
    description: 'Record a request a carer made to the providers (substitute care hours, respite, transport, ...).',
  })
  async makeCarerRequest(@Args('input') input: MakeCarerRequestInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    const requestId = input.requestId ?? idFromCommand(input.commandId, 'requestId');
    return this.runner.run(
      carerRequestAggregate,
      requestId,
      {
        type: 'MakeCarerRequest',
        data: {
          requestId,
          projectId: input.projectId,
          carerId: input.carerId,
          category: input.category,
          description: input.description,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: "Record that the providers met a carer's request." })
  meetCarerRequest(@Args('input') input: MeetCarerRequestInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      carerRequestAggregate,
      input.requestId,
      { type: 'MeetCarerRequest', data: { requestId: input.requestId, note: input.note ?? null } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: "Record that the providers cannot meet a carer's request, as an impossibility or an inability.",
  })
  declineCarerRequest(@Args('input') input: DeclineCarerRequestInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      carerRequestAggregate,
      input.requestId,
      {
        type: 'DeclineCarerRequest',
        data: {
          requestId: input.requestId,
          cannotMeetBecause: input.cannotMeetBecause,
          explanation: input.explanation,
        },
      },
      input,
      actor,
    );
  }
}
