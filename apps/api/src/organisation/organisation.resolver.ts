import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { organisationAggregate } from '#domain';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { idFromCommand } from '#command-side';
import { CommandRunner } from '../command-side/command-runner.js';
import { MutationResult } from '../command-side/mutation-result.model.js';
import { DescribeOrganisationCultureInput, RegisterOrganisationInput } from './organisation.inputs.js';

@Resolver()
export class OrganisationResolver {
  constructor(private readonly runner: CommandRunner) {}

  @Mutation(() => MutationResult, {
    description: 'Register an organisation (university, provider, facility...) that may join partnerships.',
  })
  registerOrganisation(@Args('input') input: RegisterOrganisationInput, @CurrentActor() actor: Actor) {
    const organisationId = input.organisationId ?? idFromCommand(input.commandId, 'organisationId');
    return this.runner.run(
      organisationAggregate,
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
    return this.runner.run(
      organisationAggregate,
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
