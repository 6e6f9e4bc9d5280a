import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from './command-executor.js';
import { CommandRunner } from './command-runner.js';
import { ExecuteDomainCommandHandler } from './execute-domain-command.js';

@Global()
@Module({
  imports: [CqrsModule],
  providers: [CommandExecutor, CommandRunner, ExecuteDomainCommandHandler],
  exports: [CqrsModule, CommandExecutor, CommandRunner],
})
export class CommandSideModule {}
