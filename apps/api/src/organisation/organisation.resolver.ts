import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  organisationAggregate,
  type OrganisationCommand,
  type AggregateDefinition,
  type DomainCommand,
  type DomainEvent,
} from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '../command-side/command-executor.js';
import { ExecuteDomainCommand } from '../command-side/execute-domain-command.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import { DescribeOrganisationCultureInput, RegisterOrganisationInput } from './organisation.inputs.js';

const aggregate = organisationAggregate as unknown as AggregateDefinition<DomainCommand, DomainEvent, unknown>;

@Resolver()
export class OrganisationResolver {
  constructor(private readonly commands: CommandBus) {}

  private async run(
    organisationId: string,
    command: OrganisationCommand,
    input: { commandId?: string | null; occurredAt?: Date | null },
    actor: Actor,
  ) {
    const result = await this.commands.execute(
      new ExecuteDomainCommand(aggregate, command, { actor, commandId: input.commandId, occurredAt: input.occurredAt }),
    );
    return MutationResult.of(organisationId, result);
  }

  @Mutation(() => MutationResult, {
    description: 'Register an organisation (university, provider, facility...) that may join partnerships.',
  })
  registerOrganisation(@Args('input') input: RegisterOrganisationInput, @CurrentActor() actor: Actor) {
    const organisationId = input.organisationId ?? idFromCommand(input.commandId, 'organisationId');
    return this.run(
      organisationId,
      {
        type: 'RegisterOrganisation',
        data: { organisationId, name: input.name, kind: input.kind, culture: input.culture ?? null },
      },
      input,
      actor,
    );
  }

  @Mutation(() => MutationResult, { description: "Describe the organisation's culture: how it works and meets." })
  describeOrganisationCulture(@Args('input') input: DescribeOrganisationCultureInput, @CurrentActor() actor: Actor) {
    return this.run(
      input.organisationId,
      {
        type: 'DescribeOrganisationCulture',
        data: { organisationId: input.organisationId, culture: input.culture },
      },
      input,
      actor,
    );
  }
}
