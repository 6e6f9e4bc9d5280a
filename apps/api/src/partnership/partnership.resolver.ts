import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { partnershipAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  AddPartnerMemberInput,
  ClarifyPartnerRolesInput,
  JoinPartnershipInput,
  LeavePartnershipInput,
  PlanCoordinationMeetingInput,
  RaiseCoordinationConcernInput,
  RecordCoordinationMeetingHeldInput,
  RecordCoordinationMeetingMissedInput,
  RecordUnclearPartnerRolesInput,
  RemovePartnerMemberInput,
  RescheduleCoordinationMeetingInput,
  ResolveCoordinationConcernInput,
} from './partnership.inputs.js';

/** The partnership stream is keyed by its project, so every result carries the project id. */
@Resolver()
export class PartnershipResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, {
    description: "Bring a registered organisation into a project's partnership, with a partner role.",
  })
  async joinPartnership(@Args('input') input: JoinPartnershipInput, @CurrentActor() actor: Actor) {
    // The partnership decider sees only its own stream: the project and the organisation must exist.
    await this.runner.requireProject(input.projectId);
    await this.runner.requireOrganisation(input.organisationId);
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'JoinPartnership',
        data: { projectId: input.projectId, organisationId: input.organisationId, partnerRole: input.partnerRole },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'An organisation leaves the partnership; its members are removed with it.',
  })
  leavePartnership(@Args('input') input: LeavePartnershipInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'LeavePartnership',
        data: { projectId: input.projectId, organisationId: input.organisationId, reason: input.reason ?? null },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Add a member, by pseudonymous id, to a partner organisation.' })
  addPartnerMember(@Args('input') input: AddPartnerMemberInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'AddPartnerMember',
        data: {
          projectId: input.projectId,
          organisationId: input.organisationId,
          memberId: input.memberId,
          memberRole: input.memberRole,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Remove a member from the partnership.' })
  removePartnerMember(@Args('input') input: RemovePartnerMemberInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      { type: 'RemovePartnerMember', data: { projectId: input.projectId, memberId: input.memberId } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: "Record a partner's clarified responsibilities." })
  clarifyPartnerRoles(@Args('input') input: ClarifyPartnerRolesInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'ClarifyPartnerRoles',
        data: {
          projectId: input.projectId,
          organisationId: input.organisationId,
          responsibilities: [...input.responsibilities],
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: "Record that a partner's role was found unclear, with a note." })
  recordUnclearPartnerRoles(@Args('input') input: RecordUnclearPartnerRolesInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'RecordUnclearPartnerRoles',
        data: { projectId: input.projectId, organisationId: input.organisationId, note: input.note },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Plan a coordination meeting between partners.' })
  planCoordinationMeeting(@Args('input') input: PlanCoordinationMeetingInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'PlanCoordinationMeeting',
        data: {
          projectId: input.projectId,
          meetingId: input.meetingId,
          scheduledFor: input.scheduledFor.toISOString(),
          format: input.format,
          cadence: input.cadence ?? null,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Record that a coordination meeting was held, who attended and in which format.',
  })
  recordCoordinationMeetingHeld(
    @Args('input') input: RecordCoordinationMeetingHeldInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'RecordCoordinationMeetingHeld',
        data: {
          projectId: input.projectId,
          meetingId: input.meetingId,
          format: input.format,
          attendingOrganisationIds: [...input.attendingOrganisationIds],
          attendingMemberIds: [...(input.attendingMemberIds ?? [])],
          durationMinutes: input.durationMinutes ?? null,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Record that a coordination meeting did not take place, and why.' })
  recordCoordinationMeetingMissed(
    @Args('input') input: RecordCoordinationMeetingMissedInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'RecordCoordinationMeetingMissed',
        data: { projectId: input.projectId, meetingId: input.meetingId, reason: input.reason },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Move a planned coordination meeting, or change its format.' })
  rescheduleCoordinationMeeting(
    @Args('input') input: RescheduleCoordinationMeetingInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'RescheduleCoordinationMeeting',
        data: {
          projectId: input.projectId,
          meetingId: input.meetingId,
          scheduledFor: input.scheduledFor.toISOString(),
          format: input.format ?? null,
          reason: input.reason ?? null,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'A partner raises a concern about how the partnership works.' })
  raiseCoordinationConcern(@Args('input') input: RaiseCoordinationConcernInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'RaiseCoordinationConcern',
        data: {
          projectId: input.projectId,
          concernId: input.concernId,
          raisedByOrganisationId: input.raisedByOrganisationId,
          topic: input.topic,
          category: input.category,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: 'Resolve a coordination concern, saying how.' })
  resolveCoordinationConcern(@Args('input') input: ResolveCoordinationConcernInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      partnershipAggregate,
      input.projectId,
      {
        type: 'ResolveCoordinationConcern',
        data: { projectId: input.projectId, concernId: input.concernId, resolution: input.resolution },
      },
      input,
      actor,
    );
  }
}
