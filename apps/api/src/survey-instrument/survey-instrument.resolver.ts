import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  surveyInstrumentAggregate,
  type SurveyInstrumentCommand,
  type AggregateDefinition,
  type DomainCommand,
  type DomainEvent,
} from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '../command-side/command-executor.js';
import { ExecuteDomainCommand } from '../command-side/execute-domain-command.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import { RegisterSurveyInstrumentInput, RetireSurveyInstrumentInput } from './survey-instrument.inputs.js';

const aggregate = surveyInstrumentAggregate as unknown as AggregateDefinition<DomainCommand, DomainEvent, unknown>;

@Resolver()
export class SurveyInstrumentResolver {
  constructor(private readonly commands: CommandBus) {}

  private async run(
    instrumentId: string,
    command: SurveyInstrumentCommand,
    input: { commandId?: string | null; occurredAt?: Date | null },
    actor: Actor,
  ) {
    const result = await this.commands.execute(
      new ExecuteDomainCommand(aggregate, command, { actor, commandId: input.commandId, occurredAt: input.occurredAt }),
    );
    return MutationResult.of(instrumentId, result);
  }

  @Mutation(() => MutationResult, {
    description: 'Register a survey or quiz instrument: its items, its answer scale and what it measures.',
  })
  registerSurveyInstrument(@Args('input') input: RegisterSurveyInstrumentInput, @CurrentActor() actor: Actor) {
    const instrumentId = input.instrumentId ?? idFromCommand(input.commandId, 'instrumentId');
    const { scale } = input;
    return this.run(
      instrumentId,
      {
        type: 'RegisterSurveyInstrument',
        data: {
          instrumentId,
          name: input.name,
          description: input.description ?? null,
          measures: input.measures,
          itemCount: input.itemCount,
          scale: {
            minimum: scale.minimum,
            maximum: scale.maximum,
            labels: scale.labels ? scale.labels.map(({ value, label }) => ({ value, label })) : null,
          },
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Retire an instrument: no new surveys on it; answers already given stay valid.',
  })
  retireSurveyInstrument(@Args('input') input: RetireSurveyInstrumentInput, @CurrentActor() actor: Actor) {
    return this.run(
      input.instrumentId,
      { type: 'RetireSurveyInstrument', data: { instrumentId: input.instrumentId, reason: input.reason } },
      input,
      actor,
    );
  }
}
