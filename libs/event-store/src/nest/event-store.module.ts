import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import type { EventStore } from '../port.js';
import { EVENT_STORE_OBSERVER, observeAppends, type AppendObserver } from './observed-event-store.js';
import { openEventStore } from './open-event-store.js';

export {
  EVENT_STORE_OBSERVER,
  ObservedEventStore,
  observeAppends,
  type AppendObserver,
} from './observed-event-store.js';

export const EVENT_STORE = Symbol('EVENT_STORE');

@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Provides the configured EventStore adapter as EVENT_STORE and closes it on shutdown. When a
 * global module provides EVENT_STORE_OBSERVER (the metrics module does), appends are reported to it.
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, OPERATIONAL_DATABASE, { token: EVENT_STORE_OBSERVER, optional: true }],
      useFactory: async (config: AppConfig, database: SqlDatabase, observer?: AppendObserver) =>
        observeAppends(await openEventStore(config.eventStore, database), observer),
    },
    EventStoreLifecycle,
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
