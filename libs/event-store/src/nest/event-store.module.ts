import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import type { EventStore } from '../port.js';
import { openEventStore } from './open-event-store.js';

export const EVENT_STORE = Symbol('EVENT_STORE');

@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides the configured EventStore adapter as EVENT_STORE and closes it on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, OPERATIONAL_DATABASE],
      useFactory: (config: AppConfig, database: SqlDatabase) => openEventStore(config.eventStore, database),
    },
    EventStoreLifecycle,
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
