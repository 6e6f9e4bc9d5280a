import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandSideCoreModule } from '#command-side';
import { CommandIdInterceptor } from './command-id.interceptor.js';
import { CommandResults } from './command-results.js';
import { CommandRunner } from './command-runner.js';
import { StorableInputPlugin } from './storable-input.plugin.js';
import { SubscriptionsOverHttpPlugin } from './subscriptions-over-http.plugin.js';
import { ProjectAccess } from '../auth/project-access.js';

/** The GraphQL side of writes around the command-side library: runner, membership, idempotent mutations. */
@Global()
@Module({
  imports: [CommandSideCoreModule],
  providers: [
    CommandRunner,
    ProjectAccess,
    CommandResults,
    SubscriptionsOverHttpPlugin,
    StorableInputPlugin,
    { provide: APP_INTERCEPTOR, useClass: CommandIdInterceptor },
  ],
  exports: [CommandSideCoreModule, CommandRunner, ProjectAccess],
})
export class CommandSideModule {}
