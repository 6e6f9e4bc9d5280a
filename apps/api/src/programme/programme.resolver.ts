import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { programmeAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import { AddTerritoryInput, AdoptTerritorySignalFrameworkInput, LaunchProgrammeInput } from './programme.inputs.js';

@Resolver()
export class ProgrammeResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, {
    description: 'Launch a programme that may run in several territories at once.',
  })
  launchProgramme(@Args('input') input: LaunchProgrammeInput, @CurrentActor() actor: Actor) {
    const programmeId = input.programmeId ?? idFromCommand(input.commandId, 'programmeId');
    return this.runner.run(
      programmeAggregate,
      programmeId,
      { type: 'LaunchProgramme', data: { programmeId, name: input.name } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Add a territory, with its local governance and its own variant of the service.',
  })
  addTerritory(@Args('input') input: AddTerritoryInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      programmeAggregate,
      input.programmeId,
      {
        type: 'AddTerritory',
        data: {
          programmeId: input.programmeId,
          territoryId: input.territoryId,
          name: input.name,
          localGovernance: input.localGovernance,
          serviceVariant: input.serviceVariant,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Record which version of a signal framework a territory uses from now on.',
  })
  adoptTerritorySignalFramework(
    @Args('input') input: AdoptTerritorySignalFrameworkInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.runner.run(
      programmeAggregate,
      input.programmeId,
      {
        type: 'AdoptTerritorySignalFramework',
        data: {
          programmeId: input.programmeId,
          territoryId: input.territoryId,
          frameworkId: input.frameworkId,
          version: input.version,
        },
      },
      input,
      actor,
    );
  }
}
