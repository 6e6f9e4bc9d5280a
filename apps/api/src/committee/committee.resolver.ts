import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { committeeAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  AssessCommitteeGoalInput,
  DefineCommitteeGoalInput,
  ReassessCommitteeGoalInput,
  RecordCommitteeSelfOrganisingInput,
} from './committee.inputs.js';

/** One committee per project: its stream is keyed by the project id, which is also the result's id. */
@Resolver()
export class CommitteeResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, { description: "Define a goal the citizens' committee sets itself." })
  async defineCommitteeGoal(@Args('input') input: DefineCommitteeGoalInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    return this.runner.run(
      committeeAggregate,
      input.projectId,
      {
        type: 'DefineCommitteeGoal',
        data: { projectId: input.projectId, goalId: input.goalId, description: input.description },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Judge a committee goal reached, partially reached or unfulfilled.' })
  assessCommitteeGoal(@Args('input') input: AssessCommitteeGoalInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      committeeAggregate,
      input.projectId,
      {
        type: 'AssessCommitteeGoal',
        data: { projectId: input.projectId, goalId: input.goalId, outcome: input.outcome, note: input.note ?? null },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: "Revise a committee goal's assessment, with a reason." })
  reassessCommitteeGoal(@Args('input') input: ReassessCommitteeGoalInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      committeeAggregate,
      input.projectId,
      {
        type: 'ReassessCommitteeGoal',
        data: {
          projectId: input.projectId,
          goalId: input.goalId,
          outcome: input.outcome,
          note: input.note ?? null,
          reason: input.reason,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Record that the committee has become self-organising.' })
  recordCommitteeSelfOrganising(
    @Args('input') input: RecordCommitteeSelfOrganisingInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.runner.run(
      committeeAggregate,
      input.projectId,
      { type: 'RecordCommitteeSelfOrganising', data: { projectId: input.projectId, note: input.note ?? null } },
      input,
      actor,
    );
  }
}
