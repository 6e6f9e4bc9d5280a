import { Args, Mutation, Resolver } from '@nestjs/graphql';
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
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import { DescribeOrganisationCultureInput, RegisterOrganisationInput } from './organisation.inputs.js';

const aggregate = organisationAggregate as unknown as AggregateDefinition<DomainCommand, DomainEvent, unknown>;

@Resolver()
export class OrganisationResolver {
  constructor(private readonly runner: CommandRunner) {}

  private run(
    organisationId: string,
    command: OrganisationCommand,
    input: { commandId?: string | null; occurredAt?: Date | null },
    actor: Actor,
  ) {
    return this.runner.run(aggregate, organisationId, command, input, actor);
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
