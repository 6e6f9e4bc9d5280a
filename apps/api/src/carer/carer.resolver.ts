import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { carerAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CarerKeyVault, type PersonalData } from '#privacy';
import { CurrentActor } from '../command-side/actor.js';
import { commandScope, idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import {
  AnswerCarerInvitationInput,
  CarerConsentInput,
  DeclineCarerInvitationInput,
  EraseCarerInput,
  InviteCarerInput,
  type PersonalDataInput,
  RegisterCarerInput,
  UpdateCarerPersonalDataInput,
  WithdrawCarerInput,
} from './carer.inputs.js';

function personalData(input: PersonalDataInput): PersonalData {
  return {
    fullName: input.fullName,
    phone: input.phone ?? null,
    email: input.email ?? null,
    address: input.address ?? null,
  };
}

@Resolver()
export class CarerResolver {
  constructor(
    private readonly runner: CommandRunner,
    private readonly vault: CarerKeyVault,
  ) {}

  @Mutation(() => MutationResult, {
    description: "Register a carer under a pseudonym; name and contact are encrypted with the carer's own key.",
  })
  async registerCarer(@Args('input') input: RegisterCarerInput, @CurrentActor() actor: Actor) {
    const carerId = input.carerId ?? idFromCommand(input.commandId, 'carerId');
    await this.runner.requireProject(input.projectId);
    const envelope = input.personalData ? await this.vault.encrypt(carerId, personalData(input.personalData)) : null;
    return this.runner.run(
      carerAggregate,
      carerId,
      {
        type: 'RegisterCarer',
        data: {
          carerId,
          projectId: input.projectId,
          pseudonym: input.pseudonym,
          registeredByOrganisationId: input.registeredByOrganisationId,
          gender: input.gender,
          ageBand: input.ageBand,
          weeklyCareHours: input.weeklyCareHours ?? null,
          stressLevel: input.stressLevel,
          area: input.area ?? null,
          relationship: input.relationship,
          personalData: envelope,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult)
  async updateCarerPersonalData(@Args('input') input: UpdateCarerPersonalDataInput, @CurrentActor() actor: Actor) {
    const envelope = await this.vault.encrypt(input.carerId, personalData(input.personalData));
    return this.runner.run(
      carerAggregate,
      input.carerId,
      { type: 'UpdateCarerPersonalData', data: { carerId: input.carerId, personalData: envelope } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description:
      "Right to erasure: destroys the carer's key, so their personal data can never be read again; the history stays replayable.",
  })
  async eraseCarer(@Args('input') input: EraseCarerInput, @CurrentActor() actor: Actor) {
    // Key first: should the event fail to be written, the person is already unreadable, and a retry completes the record.
    // An import's dry run writes nothing anywhere: the key stays, the overlay records the erasure.
    if (!commandScope()?.dryRun) await this.vault.erase(input.carerId, { erasedBy: actor.id, reason: input.reason });
    return this.runner.run(
      carerAggregate,
      input.carerId,
      { type: 'EraseCarerPersonalData', data: { carerId: input.carerId, erasedBy: actor.id, reason: input.reason } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult)
  giveCarerConsent(@Args('input') input: CarerConsentInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      carerAggregate,
      input.carerId,
      { type: 'GiveCarerConsent', data: { carerId: input.carerId, kind: input.kind } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult)
  withdrawCarerConsent(@Args('input') input: CarerConsentInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      carerAggregate,
      input.carerId,
      { type: 'WithdrawCarerConsent', data: { carerId: input.carerId, kind: input.kind } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Invite a carer through a channel; the result id is the invitation id.',
  })
  async inviteCarer(@Args('input') input: InviteCarerInput, @CurrentActor() actor: Actor) {
    const invitationId = input.invitationId ?? idFromCommand(input.commandId, 'invitationId');
    const result = await this.runner.run(
      carerAggregate,
      input.carerId,
      {
        type: 'InviteCarer',
        data: {
          carerId: input.carerId,
          invitationId,
          channel: input.channel,
          invitedByOrganisationId: input.invitedByOrganisationId,
          referredByCarerId: input.referredByCarerId ?? null,
        },
      },
      input,
      actor,
    );
    return Object.assign(result, { id: invitationId });
  }

  @Mutation(() => MutationResult)
  acceptCarerInvitation(@Args('input') input: AnswerCarerInvitationInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      carerAggregate,
      input.carerId,
      { type: 'AcceptCarerInvitation', data: { carerId: input.carerId, invitationId: input.invitationId } },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult)
  declineCarerInvitation(@Args('input') input: DeclineCarerInvitationInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      carerAggregate,
      input.carerId,
      {
        type: 'DeclineCarerInvitation',
        data: {
          carerId: input.carerId,
          invitationId: input.invitationId,
          reason: input.reason,
          note: input.note ?? null,
        },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult)
  withdrawCarerFromProject(@Args('input') input: WithdrawCarerInput, @CurrentActor() actor: Actor) {
    return this.runner.run(
      carerAggregate,
      input.carerId,
      {
        type: 'WithdrawCarerFromProject',
        data: { carerId: input.carerId, reason: input.reason, note: input.note ?? null },
      },
      input,
      actor,
    );
  }
}
