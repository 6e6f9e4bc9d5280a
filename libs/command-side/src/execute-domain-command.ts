import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AggregateDefinition, DomainCommand, DomainEvent } from '#domain';
import type { CommandEnvelope, CommandResult } from './command-envelope.js';
import { CommandExecutor } from './command-executor.js';

/**
 * The one command the bus carries: a domain command addressed to its aggregate. The command's
 * type is the aggregate's own (inferred from the aggregate alone), so a command can only travel
 * with the aggregate that decides it.
 */
export class ExecuteDomainCommand<
  C extends DomainCommand = DomainCommand,
  E extends DomainEvent = DomainEvent,
  S = unknown,
> extends Command<CommandResult> {
  constructor(
    readonly aggregate: AggregateDefinition<C, E, S>,
    readonly command: NoInfer<C>,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<ExecuteDomainCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute<C extends DomainCommand, E extends DomainEvent, S>({
    aggregate,
    command,
    envelope,
  }: ExecuteDomainCommand<C, E, S>): Promise<CommandResult> {
    return this.executor.execute(aggregate, command, envelope);
  }
}
