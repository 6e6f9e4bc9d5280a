import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { evidenceAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  CodeObservationInput,
  RecordCollectionRoundInput,
  RecordInterviewInput,
  RecordReflexiveNoteInput,
  RecordWorkshopInput,
} from './evidence.inputs.js';

@Resolver()
export class EvidenceResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, { description: 'Record a semi-structured interview (its duration and mode).' })
  async recordInterview(@Args('input') input: RecordInterviewInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    const evidenceId = input.evidenceId ?? idFromCommand(input.commandId, 'evidenceId');
    return this.runner.run(
      evidenceAggregate,
      evidenceId,
      {
        type: 'RecordInterview',
        data: {
          evidenceId,
          projectId: input.projectId,
          intervieweeRole: input.intervieweeRole,
          intervieweeRef: input.intervieweeRef,
          durationMinutes: input.durationMinutes,
          mode: input.mode,
          phase: input.phase,
          pilotMoment: input.pilotMoment ?? null,
          intervieweeGender: input.intervieweeGender ?? null,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Record a co-design or co-assessment workshop; audio only with the consent of all.',
  })
  async recordWorkshop(@Args('input') input: RecordWorkshopInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    const evidenceId = input.evidenceId ?? idFromCommand(input.commandId, 'evidenceId');
    const { carers, providers, researchers } = input.participants;
    return this.runner.run(
      evidenceAggregate,
      evidenceId,
      {
        type: 'RecordWorkshop',
        data: {
          evidenceId,
          projectId: input.projectId,
          workshopKind: input.workshopKind,
          participants: { carers, providers, researchers },
          audioRecorded: input.audioRecorded,
          audioConsentOfAll: input.audioConsentOfAll,
          durationMinutes: input.durationMinutes ?? null,
          pilotMoment: input.pilotMoment ?? null,
          turnout:
            input.turnout?.map(({ role, invited, tookPart, female, male, other }) => ({
              role,
              invited: invited ?? null,
              tookPart,
              female,
              male,
              other,
            })) ?? null,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: "Record a researcher's reflexive note." })
  async recordReflexiveNote(@Args('input') input: RecordReflexiveNoteInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    const evidenceId = input.evidenceId ?? idFromCommand(input.commandId, 'evidenceId');
    return this.runner.run(
      evidenceAggregate,
      evidenceId,
      {
        type: 'RecordReflexiveNote',
        data: {
          evidenceId,
          projectId: input.projectId,
          authorMemberId: input.authorMemberId,
          phase: input.phase,
          text: input.text,
          pilotMoment: input.pilotMoment ?? null,
          authorGender: input.authorGender ?? null,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description:
      'Record a data-collection round: how many of each role were invited to interviews or reflexive notes at one moment of the pilot (docs/inventory.md).',
  })
  async recordCollectionRound(@Args('input') input: RecordCollectionRoundInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    const roundId = input.roundId ?? idFromCommand(input.commandId, 'roundId');
    return this.runner.run(
      evidenceAggregate,
      roundId,
      {
        type: 'RecordCollectionRound',
        data: {
          roundId,
          projectId: input.projectId,
          method: input.method,
          pilotMoment: input.pilotMoment,
          invited: input.invited.map(({ role, invited }) => ({ role, invited })),
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Code an observation in a piece of evidence against a taxonomy.' })
  codeObservation(@Args('input') input: CodeObservationInput, @CurrentActor() actor: Actor) {
    const quote = input.quote
      ? { role: input.quote.role, gender: input.quote.gender, number: input.quote.number, text: input.quote.text }
      : null;
    return this.runner.run(
      evidenceAggregate,
      input.evidenceId,
      {
        type: 'CodeObservation',
        data: {
          evidenceId: input.evidenceId,
          observationId: input.observationId,
          kind: input.kind,
          taxonomy: input.taxonomy,
          code: input.code,
          stage: input.stage,
          level: input.level,
          inabilityKind: input.inabilityKind ?? null,
          quote,
        },
      },
      input,
      actor,
    );
  }
}
