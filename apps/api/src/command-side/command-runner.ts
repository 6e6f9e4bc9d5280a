import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { AggregateDefinition, DomainCommand, DomainEvent } from '#domain';
import type { Actor } from '#event-store';
import { CommandExecutor } from './command-executor.js';
import { ExecuteDomainCommand } from './execute-domain-command.js';
import { MutationResult } from './mutation-result.model.js';
import { requireOrganisation } from './require-organisation.js';
import { requireProject } from './require-project.js';
import { ProjectAccess } from '../auth/project-access.js';

/** What every resolver does with a command: send it over the bus and report what was written. */
@Injectable()
export class CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly executor: CommandExecutor,
    private readonly access: ProjectAccess,
  ) {}

  async run<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateDefinition<C, E, S>,
    id: string,
    command: C,
    input: { commandId?: string | null; occurredAt?: Date | null },
    actor: Actor,
  ): Promise<MutationResult> {
    const result = await this.commands.execute(
      new ExecuteDomainCommand(
        aggregate as unknown as AggregateDefinition<DomainCommand, DomainEvent, unknown>,
        command,
        {
          actor,
          commandId: input.commandId,
          occurredAt: input.occurredAt,
          authorise: async (projectIds) => {
            for (const projectId of projectIds) await this.access.requireMember(actor, projectId);
          },
        },
      ),
    );
    return MutationResult.of(id, result);
  }

  /** Refuses, with NOT_FOUND, a project that was never launched. */
  requireProject(projectId: string): Promise<void> {
    return requireProject(this.executor, projectId);
  }

  /** Refuses, with NOT_FOUND, an organisation that was never registered. */
  requireOrganisation(organisationId: string): Promise<void> {
    return requireOrganisation(this.executor, organisationId);
  }

  loadState<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateDefinition<C, E, S>,
    streamId: string,
  ): Promise<S> {
    return this.executor.loadState(aggregate, streamId);
  }
}
