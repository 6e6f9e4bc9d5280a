import { Args, Mutation, Resolver } from '@nestjs/graphql';
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
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import { RegisterSurveyInstrumentInput, RetireSurveyInstrumentInput } from './survey-instrument.inputs.js';

const aggregate = surveyInstrumentAggregate as unknown as AggregateDefinition<DomainCommand, DomainEvent, unknown>;

@Resolver()
export class SurveyInstrumentResolver {
  constructor(private readonly runner: CommandRunner) {}

  private run(
    instrumentId: string,
    command: SurveyInstrumentCommand,
    input: { commandId?: string | null; occurredAt?: Date | null },
    actor: Actor,
  ) {
    return this.runner.run(aggregate, instrumentId, command, input, actor);
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
