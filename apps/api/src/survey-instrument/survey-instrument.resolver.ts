import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { surveyInstrumentAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import { RegisterSurveyInstrumentInput, RetireSurveyInstrumentInput } from './survey-instrument.inputs.js';

@Resolver()
export class SurveyInstrumentResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, {
    description: 'Register a survey or quiz instrument: its items, its answer scale and what it measures.',
  })
  registerSurveyInstrument(@Args('input') input: RegisterSurveyInstrumentInput, @CurrentActor() actor: Actor) {
    const instrumentId = input.instrumentId ?? idFromCommand(input.commandId, 'instrumentId');
    const { scale } = input;
    return this.runner.run(
      surveyInstrumentAggregate,
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
    return this.runner.run(
      surveyInstrumentAggregate,
      input.instrumentId,
      { type: 'RetireSurveyInstrument', data: { instrumentId: input.instrumentId, reason: input.reason } },
      input,
      actor,
    );
  }
}
