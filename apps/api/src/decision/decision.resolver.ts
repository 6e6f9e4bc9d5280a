import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { decisionAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import { decisionInputError } from './decision-input.reasons.js';
import { ContestDecisionInput, ReviseDecisionInput, TakeDecisionInput } from './decision.inputs.js';

/** The activities of a decision, from `activityIds` or the deprecated `activityId` (a list of one), never both. */
export function activityIdsOf(input: Pick<TakeDecisionInput, 'activityId' | 'activityIds'>): string[] {
  const one = input.activityId ?? null;
  const many = input.activityIds ?? null;
  if (one !== null && many !== null) {
    throw decisionInputError(
      'ACTIVITY_ID_WITH_ACTIVITY_IDS',
      'Give the activities as activityIds only (activityId is deprecated)',
      { field: 'activityId' },
    );
  }
  return one !== null ? [one] : [...(many ?? [])];
}

@Resolver()
export class DecisionResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, {
    description: 'Record a decision taken in the project, and whether the carers were consulted.',
  })
  async takeDecision(@Args('input') input: TakeDecisionInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    const decisionId = input.decisionId ?? idFromCommand(input.commandId, 'decisionId');
    return this.runner.run(
      decisionAggregate,
      decisionId,
      {
        type: 'TakeDecision',
        data: {
          decisionId,
          projectId: input.projectId,
          description: input.description,
          decidedByOrganisationId: input.decidedByOrganisationId ?? null,
          decidedByRole: input.decidedByRole,
          affectsCarers: input.affectsCarers,
          carersConsulted: input.carersConsulted,
          carerInvolvement: input.carerInvolvement ?? null,
          activityIds: activityIdsOf(input),
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Record that a carer or a partner contested a decision.' })
  contestDecision(@Args('input') input: ContestDecisionInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      decisionAggregate,
      input.decisionId,
      {
        type: 'ContestDecision',
        data: {
          decisionId: input.decisionId,
          contestedByRole: input.contestedByRole,
          contestedByCarerId: input.contestedByCarerId ?? null,
          grounds: input.grounds,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Revise a decision (or how carers were consulted), with a reason.' })
  reviseDecision(@Args('input') input: ReviseDecisionInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      decisionAggregate,
      input.decisionId,
      {
        type: 'ReviseDecision',
        data: {
          decisionId: input.decisionId,
          description: input.description,
          carersConsulted: input.carersConsulted,
          carerInvolvement: input.carerInvolvement ?? null,
          reason: input.reason,
        },
      },
      input,
      actor,
    );
  }
}
