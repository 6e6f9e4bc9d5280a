import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from './command-executor.js';
import { ExecuteDomainCommandHandler } from './execute-domain-command.js';

/**
 * The write side without any transport: the command bus, the handler of ExecuteDomainCommand and
 * the executor behind it. Needs a global EVENT_STORE (EventStoreModule). The API wraps it in
 * GraphQL adapters; the seed uses it as it is.
 */
@Module({
  imports: [CqrsModule],
  providers: [CommandExecutor, ExecuteDomainCommandHandler],
  exports: [CqrsModule, CommandExecutor],
})
export class CommandSideCoreModule {}
