import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { EventStoreModule } from '#event-store';
import { PrivacyModule } from '#privacy';
import { CommandSideCoreModule } from '#command-side';
import { CommandPath } from './command-path.js';

/**
 * The API's write side without GraphQL or HTTP: the same configuration, database, event store,
 * key vault and command bus. No logger module: the seed prints only its progress and a summary.
 */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, EventStoreModule, PrivacyModule, CommandSideCoreModule],
      providers: [CommandPath],
    };
  }
}
