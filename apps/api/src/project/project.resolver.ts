import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { projectAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  ExtendPilotInput,
  LaunchProjectInput,
  ReviseProjectTargetsInput,
  StartProjectPhaseInput,
} from './project.inputs.js';

@Resolver()
export class ProjectResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, {
    description: 'Launch a co-production project in a territory, in its co-design phase.',
  })
  launchProject(@Args('input') input: LaunchProjectInput, @CurrentActor() actor: Actor) {
    const projectId = input.projectId ?? idFromCommand(input.commandId, 'projectId');
    const { targets } = input;
    return this.runner.run(
      projectAggregate,
      projectId,
      {
        type: 'LaunchProject',
        data: {
          projectId,
          programmeId: input.programmeId ?? null,
          territoryId: input.territoryId,
          name: input.name,
          eligibleCarers: input.eligibleCarers,
          pilotMonths: input.pilotMonths,
          startsOn: input.startsOn,
          targets: { ...targets },
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Move the project forward to a later phase.' })
  startProjectPhase(@Args('input') input: StartProjectPhaseInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      projectAggregate,
      input.projectId,
      { type: 'StartProjectPhase', data: { projectId: input.projectId, phase: input.phase } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Extend the pilot by some months, with a reason.' })
  extendPilot(@Args('input') input: ExtendPilotInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      projectAggregate,
      input.projectId,
      {
        type: 'ExtendPilot',
        data: { projectId: input.projectId, additionalMonths: input.additionalMonths, reason: input.reason },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: "Revise the project's targets, with a reason." })
  reviseProjectTargets(@Args('input') input: ReviseProjectTargetsInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      projectAggregate,
      input.projectId,
      {
        type: 'ReviseProjectTargets',
        data: { projectId: input.projectId, targets: { ...input.targets }, reason: input.reason },
      },
      input,
      actor,
    );
  }
}
