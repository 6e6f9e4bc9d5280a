import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import type { AggregateDefinition, DomainCommand, DomainEvent } from '#domain';
import { CommandExecutor, type CommandEnvelope, type CommandResult } from './command-executor.js';

/** The one command the bus carries: a domain command addressed to its aggregate. */
export class ExecuteDomainCommand extends Command<CommandResult> {
  constructor(
    readonly aggregate: AggregateDefinition<DomainCommand, DomainEvent, unknown>,
    readonly command: DomainCommand,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<ExecuteDomainCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ aggregate, command, envelope }: ExecuteDomainCommand): Promise<CommandResult> {
    return this.executor.execute(aggregate, command, envelope);
  }
}
