import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from './command-executor.js';
import { CommandIdInterceptor } from './command-id.interceptor.js';
import { CommandResults } from './command-results.js';
import { CommandRunner } from './command-runner.js';
import { ExecuteDomainCommandHandler } from './execute-domain-command.js';
import { StorableInputPlugin } from './storable-input.plugin.js';
import { SubscriptionsOverHttpPlugin } from './subscriptions-over-http.plugin.js';
import { ProjectAccess } from '../auth/project-access.js';

@Global()
@Module({
  imports: [CqrsModule],
  providers: [
    CommandExecutor,
    CommandRunner,
    ProjectAccess,
    ExecuteDomainCommandHandler,
    CommandResults,
    SubscriptionsOverHttpPlugin,
    StorableInputPlugin,
    { provide: APP_INTERCEPTOR, useClass: CommandIdInterceptor },
  ],
  exports: [CqrsModule, CommandExecutor, CommandRunner, ProjectAccess],
})
export class CommandSideModule {}
