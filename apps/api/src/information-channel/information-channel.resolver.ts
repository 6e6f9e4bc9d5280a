import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { informationChannelAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  RecordChannelReadingInput,
  RecordNewPatientInformedInput,
  RecordNewPatientsCheckedInput,
  RegisterInformationChannelInput,
  RetireInformationChannelInput,
} from './information-channel.inputs.js';

@Resolver()
export class InformationChannelResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, { description: 'Register an information channel of a project.' })
  async registerInformationChannel(
    @Args('input') input: RegisterInformationChannelInput,
    @CurrentActor() actor: Actor,
  ) {
    await this.runner.requireProject(input.projectId);
    const channelId = input.channelId ?? idFromCommand(input.commandId, 'channelId');
    return this.runner.run(
      informationChannelAggregate,
      channelId,
      {
        type: 'RegisterInformationChannel',
        data: { channelId, projectId: input.projectId, kind: input.kind, name: input.name },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description:
      "Record a channel's reach counters over a measurement window, as increments or running totals (readingKind).",
  })
  recordChannelReading(@Args('input') input: RecordChannelReadingInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      informationChannelAggregate,
      input.channelId,
      {
        type: 'RecordChannelReading',
        data: {
          channelId: input.channelId,
          periodStart: input.periodStart.toISOString(),
          periodEnd: input.periodEnd.toISOString(),
          // Readings were increments before the kind was asked: a client that does not say still means one.
          readingKind: input.readingKind ?? 'increment',
          likes: input.likes ?? null,
          visits: input.visits ?? null,
          downloads: input.downloads ?? null,
          shares: input.shares ?? null,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Record that a new patient of a provider heard of the service through this channel.',
  })
  recordNewPatientInformed(@Args('input') input: RecordNewPatientInformedInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      informationChannelAggregate,
      input.channelId,
      {
        type: 'RecordNewPatientInformed',
        data: {
          channelId: input.channelId,
          providerOrganisationId: input.providerOrganisationId,
          patientRef: input.patientRef,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description:
      "Record that the channel's new patients over a window were checked and every one informed through it is recorded (maybe none).",
  })
  recordNewPatientsChecked(@Args('input') input: RecordNewPatientsCheckedInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      informationChannelAggregate,
      input.channelId,
      {
        type: 'RecordNewPatientsChecked',
        data: {
          channelId: input.channelId,
          periodStart: input.periodStart.toISOString(),
          periodEnd: input.periodEnd.toISOString(),
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Retire an information channel.' })
  retireInformationChannel(@Args('input') input: RetireInformationChannelInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      informationChannelAggregate,
      input.channelId,
      { type: 'RetireInformationChannel', data: { channelId: input.channelId, reason: input.reason ?? null } },
      input,
      actor,
    );
  }
}
