import type { AppConfig } from '#config';
import type { EventStore } from '../port.js';
import { openPgliteEventStore, openPostgresEventStore } from '../sql/factory.js';

/** Opens the adapter the configuration names; KurrentDB's client is loaded only when used. */
export async function openEventStore(config: AppConfig['eventStore']): Promise<EventStore> {
  switch (config.kind) {
    case 'pglite':
      return openPgliteEventStore(config.dataDir);
    case 'postgres':
      return openPostgresEventStore({ connectionString: config.url });
    case 'kurrentdb': {
      const { KurrentDbEventStore } = await import('../kurrentdb/kurrentdb-event-store.js');
      return KurrentDbEventStore.connect(config.connectionString);
    }
  }
}
