import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { AggregateDefinition, DomainCommand, DomainEvent } from '#domain';
import type { Actor } from '#event-store';
import {
  commandScope,
  CommandExecutor,
  ExecuteDomainCommand,
  requireOrganisation,
  requireProject,
} from '#command-side';
import { MutationResult } from './mutation-result.model.js';
import { ProjectAccess } from '../auth/project-access.js';

/** The fields of every mutation input the command side reads (see CommandInput). */
export interface CommandInputFields {
  readonly commandId?: string | null;
  readonly occurredAt?: Date | null;
}

/** What every resolver does with a command: send it over the bus and report what was written. */
@Injectable()
export class CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly executor: CommandExecutor,
    private readonly access: ProjectAccess,
  ) {}

  /**
   * Sends `command` to `aggregate`. The command's type is the aggregate's own (inferred from the
   * aggregate only), so a resolver's literal is checked against that aggregate's commands.
   */
  async run<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateDefinition<C, E, S>,
    id: string,
    command: NoInfer<C>,
    input: CommandInputFields,
    actor: Actor,
  ): Promise<MutationResult> {
    const result = await this.commands.execute(
      new ExecuteDomainCommand(aggregate, command, {
        actor,
        commandId: input.commandId,
        occurredAt: input.occurredAt,
        // Only an admin's import with keepKnownSince sets it (apps/api/src/imports); no input carries it.
        knownSince: commandScope()?.knownSince ?? null,
        authorise: async (projectIds) => {
          for (const projectId of projectIds) await this.access.requireMember(actor, projectId);
        },
      }),
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
