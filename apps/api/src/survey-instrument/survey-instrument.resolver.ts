import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  carerAggregate,
  carerStreamId,
  instrumentForResponse,
  instrumentResponseAggregate,
  partnershipAggregate,
  partnershipStreamId,
  respondentOfProject,
  respondentRef,
  surveyInstrumentAggregate,
  surveyInstrumentStreamId,
} from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  RecordInstrumentResponseInput,
  RegisterSurveyInstrumentInput,
  RetireSurveyInstrumentInput,
} from './survey-instrument.inputs.js';

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
          respondents: input.respondents ?? 'carers',
          items: input.items ?? null,
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

  @Mutation(() => MutationResult, {
    description:
      "Record one respondent's answers to an instrument outside any activity (partnership synergy, collaboration factors, engagement quality): a carer of the project or a partner organisation's member, by pseudonymous id. Its scores feed the framework indicator instrumentScore.",
  })
  async recordInstrumentResponse(@Args('input') input: RecordInstrumentResponseInput, @CurrentActor() actor: Actor) {
    const ref = respondentRef(input.carerId ?? null, input.memberId ?? null);
    await this.runner.requireProject(input.projectId);
    const [instrumentState, carer, partnership] = await Promise.all([
      this.runner.loadState(surveyInstrumentAggregate, surveyInstrumentStreamId(input.instrumentId)),
      ref.kind === 'carer' ? this.runner.loadState(carerAggregate, carerStreamId(ref.carerId)) : undefined,
      ref.kind === 'partner_member'
        ? this.runner.loadState(partnershipAggregate, partnershipStreamId(input.projectId))
        : undefined,
    ]);
    const instrument = instrumentForResponse(instrumentState, input.instrumentId);
    const respondent = respondentOfProject(ref, input.projectId, { carer, partnership });
    const responseId = input.responseId ?? idFromCommand(input.commandId, 'responseId');
    return this.runner.run(
      instrumentResponseAggregate,
      responseId,
      {
        type: 'RecordInstrumentResponse',
        data: { responseId, projectId: input.projectId, instrument, respondent, answers: [...input.answers] },
      },
      input,
      actor,
    );
  }
}
