import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { barrierAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  ObserveBarrierInput,
  ReopenBarrierInput,
  ResolveBarrierInput,
  TakeAdjustmentActionInput,
} from './barrier.inputs.js';

@Resolver()
export class BarrierResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, { description: 'Record a barrier to co-production, coded against a taxonomy.' })
  async observeBarrier(@Args('input') input: ObserveBarrierInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    const barrierId = input.barrierId ?? idFromCommand(input.commandId, 'barrierId');
    return this.runner.run(
      barrierAggregate,
      barrierId,
      {
        type: 'ObserveBarrier',
        data: {
          barrierId,
          projectId: input.projectId,
          taxonomy: input.taxonomy,
          code: input.code,
          stage: input.stage,
          level: input.level,
          inabilityKind: input.inabilityKind ?? null,
          description: input.description,
          basedOn: (input.basedOn ?? []).map((ref) => ({
            evidenceId: ref.evidenceId,
            observationId: ref.observationId,
          })),
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Record an adjustment action taken against an open barrier.' })
  takeAdjustmentAction(@Args('input') input: TakeAdjustmentActionInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      barrierAggregate,
      input.barrierId,
      {
        type: 'TakeAdjustmentAction',
        data: {
          barrierId: input.barrierId,
          actionId: input.actionId,
          description: input.description,
          takenByOrganisationId: input.takenByOrganisationId,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Record that a barrier was resolved.' })
  resolveBarrier(@Args('input') input: ResolveBarrierInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      barrierAggregate,
      input.barrierId,
      { type: 'ResolveBarrier', data: { barrierId: input.barrierId, resolution: input.resolution } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Reopen a resolved barrier, with a reason.' })
  reopenBarrier(@Args('input') input: ReopenBarrierInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      barrierAggregate,
      input.barrierId,
      { type: 'ReopenBarrier', data: { barrierId: input.barrierId, reason: input.reason } },
      input,
      actor,
    );
  }
}
