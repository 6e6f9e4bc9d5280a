import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  activityAggregate,
  satisfactionInstrumentFrom,
  surveyInstrumentAggregate,
  surveyInstrumentStreamId,
  type SatisfactionInstrument,
} from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand, requireAudioConsent, requireCarerOfActivityProject } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  CancelActivityInput,
  ContestActivityCancellationInput,
  CancelActivityRegistrationInput,
  HoldActivityInput,
  RecordCarerAttendanceInput,
  RecordPartnerAttendanceInput,
  RecordSatisfactionResponseInput,
  RecordUnderstandingQuizInput,
  RegisterCarerForActivityInput,
  RescheduleActivityInput,
  ScheduleActivityInput,
} from './activity.inputs.js';

@Resolver()
export class ActivityResolver {
  constructor(private readonly runner: CommandRunner) {}

  /** Loads the instrument from its own stream; refuses an unknown or retired one with the domain's errors. */
  private async satisfactionInstrument(instrumentId: string): Promise<SatisfactionInstrument> {
    const state = await this.runner.loadState(surveyInstrumentAggregate, surveyInstrumentStreamId(instrumentId));
    return satisfactionInstrumentFrom(state, instrumentId);
  }

  @Mutation(() => MutationResult, {
    description: 'Schedule an activity of a project: its kind, topic, date and place.',
  })
  async scheduleActivity(@Args('input') input: ScheduleActivityInput, @CurrentActor() actor: Actor) {
    await this.runner.requireProject(input.projectId);
    const activityId = input.activityId ?? idFromCommand(input.commandId, 'activityId');
    return this.runner.run(
      activityAggregate,
      activityId,
      {
        type: 'ScheduleActivity',
        data: {
          activityId,
          projectId: input.projectId,
          kind: input.kind,
          topic: input.topic,
          scheduledFor: input.scheduledFor.toISOString(),
          place: input.place,
          facilitatorMemberId: input.facilitatorMemberId ?? null,
          organisingOrganisationId: input.organisingOrganisationId,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Move a scheduled activity to another date or place, with a reason.' })
  rescheduleActivity(@Args('input') input: RescheduleActivityInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      activityAggregate,
      input.activityId,
      {
        type: 'RescheduleActivity',
        data: {
          activityId: input.activityId,
          scheduledFor: input.scheduledFor ? input.scheduledFor.toISOString() : null,
          place: input.place ?? null,
          reason: input.reason,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Cancel a scheduled activity: the reason, who decided and whether the carers were consulted.',
  })
  cancelActivity(@Args('input') input: CancelActivityInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      activityAggregate,
      input.activityId,
      {
        type: 'CancelActivity',
        data: {
          activityId: input.activityId,
          reason: input.reason,
          note: input.note ?? null,
          decidedByOrganisationId: input.decidedByOrganisationId ?? null,
          decidedByRole: input.decidedByRole,
          carersConsulted: input.carersConsulted,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Record that carers or a partner contested the cancellation of an activity, and on what grounds.',
  })
  contestActivityCancellation(@Args('input') input: ContestActivityCancellationInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      activityAggregate,
      input.activityId,
      {
        type: 'ContestActivityCancellation',
        data: {
          activityId: input.activityId,
          contestedByRole: input.contestedByRole,
          contestedByCarerId: input.contestedByCarerId ?? null,
          grounds: input.grounds,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Record that a scheduled activity took place.' })
  async holdActivity(@Args('input') input: HoldActivityInput, @CurrentActor() actor: Actor) {
    if (input.audioRecorded) await requireAudioConsent(this.runner, input.activityId);
    return this.runner.run(
      activityAggregate,
      input.activityId,
      {
        type: 'HoldActivity',
        data: {
          activityId: input.activityId,
          startedAt: input.startedAt.toISOString(),
          durationMinutes: input.durationMinutes ?? null,
          audioRecorded: input.audioRecorded,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Register a carer for a scheduled activity.' })
  async registerCarerForActivity(@Args('input') input: RegisterCarerForActivityInput, @CurrentActor() actor: Actor) {
    await requireCarerOfActivityProject(this.runner, input.activityId, input.carerId);
    return this.runner.run(
      activityAggregate,
      input.activityId,
      { type: 'RegisterCarerForActivity', data: { activityId: input.activityId, carerId: input.carerId } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: "Cancel a carer's registration for a scheduled activity." })
  cancelActivityRegistration(@Args('input') input: CancelActivityRegistrationInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      activityAggregate,
      input.activityId,
      { type: 'CancelActivityRegistration', data: { activityId: input.activityId, carerId: input.carerId } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Record that a carer attended an activity that was held.' })
  async recordCarerAttendance(@Args('input') input: RecordCarerAttendanceInput, @CurrentActor() actor: Actor) {
    await requireCarerOfActivityProject(this.runner, input.activityId, input.carerId);
    return this.runner.run(
      activityAggregate,
      input.activityId,
      { type: 'RecordCarerAttendance', data: { activityId: input.activityId, carerId: input.carerId } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Record that a member of a partner organisation attended an activity that was held.',
  })
  recordPartnerAttendance(@Args('input') input: RecordPartnerAttendanceInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      activityAggregate,
      input.activityId,
      {
        type: 'RecordPartnerAttendance',
        data: { activityId: input.activityId, organisationId: input.organisationId, memberId: input.memberId },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: "Record a carer's understanding quiz, before or after a training course.",
  })
  recordUnderstandingQuiz(@Args('input') input: RecordUnderstandingQuizInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      activityAggregate,
      input.activityId,
      {
        type: 'RecordUnderstandingQuiz',
        data: {
          activityId: input.activityId,
          carerId: input.carerId,
          phase: input.phase,
          questionsAsked: input.questionsAsked,
          correctAnswers: input.correctAnswers,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Record a satisfaction survey response to a held activity, on a registered instrument.',
  })
  async recordSatisfactionResponse(
    @Args('input') input: RecordSatisfactionResponseInput,
    @CurrentActor() actor: Actor,
  ) {
    const instrument = await this.satisfactionInstrument(input.instrumentId);
    return this.runner.run(
      activityAggregate,
      input.activityId,
      {
        type: 'RecordSatisfactionResponse',
        data: {
          activityId: input.activityId,
          carerId: input.carerId ?? null,
          instrument,
          answers: [...input.answers],
        },
      },
      input,
      actor,
    );
  }
}
