import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { suggestionAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  AdoptSuggestionInput,
  DeclineSuggestionInput,
  ImplementSuggestionInput,
  MakeSuggestionInput,
} from './suggestion.inputs.js';

@Resolver()
export class SuggestionResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, { description: 'Record a suggestion for the service made by a participant.' })
  async makeSuggestion(@Args('input') input: MakeSuggestionInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    const suggestionId = input.suggestionId ?? idFromCommand(input.commandId, 'suggestionId');
    return this.runner.run(
      suggestionAggregate,
      suggestionId,
      {
        type: 'MakeSuggestion',
        data: {
          suggestionId,
          projectId: input.projectId,
          suggestedByRole: input.suggestedByRole,
          carerId: input.carerId ?? null,
          organisationId: input.organisationId ?? null,
          description: input.description,
          topic: input.topic,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Adopt a suggestion.' })
  adoptSuggestion(@Args('input') input: AdoptSuggestionInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      suggestionAggregate,
      input.suggestionId,
      {
        type: 'AdoptSuggestion',
        data: { suggestionId: input.suggestionId, note: input.note, decisionId: input.decisionId ?? null },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Decline a suggestion, with a reason.' })
  declineSuggestion(@Args('input') input: DeclineSuggestionInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      suggestionAggregate,
      input.suggestionId,
      { type: 'DeclineSuggestion', data: { suggestionId: input.suggestionId, reason: input.reason, note: input.note } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Record that an adopted suggestion was implemented.' })
  implementSuggestion(@Args('input') input: ImplementSuggestionInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      suggestionAggregate,
      input.suggestionId,
      { type: 'ImplementSuggestion', data: { suggestionId: input.suggestionId, note: input.note ?? null } },
      input,
      actor,
    );
  }
}
