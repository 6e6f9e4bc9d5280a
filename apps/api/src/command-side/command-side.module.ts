import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from './command-executor.js';
import { ExecuteDomainCommandHandler } from './execute-domain-command.js';

@Global()
@Module({
  imports: [CqrsModule],
  providers: [CommandExecutor, ExecuteDomainCommandHandler],
  exports: [CqrsModule, CommandExecutor],
})
export class CommandSideModule {}
