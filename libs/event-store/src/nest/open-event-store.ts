import type { AppConfig } from '#config';
import type { SqlDatabase } from '#database';
import type { EventStore } from '../port.js';
import { openPostgresEventStore } from '../sql/factory.js';
import { SqlEventStore } from '../sql/sql-event-store.js';

/**
 * Opens the adapter the configuration names; KurrentDB's client is loaded only when used.
 * On the embedded default the events share the one PGlite instance of the process.
 */
export async function openEventStore(config: AppConfig['eventStore'], embedded: SqlDatabase): Promise<EventStore> {
  switch (config.kind) {
    case 'pglite':
      return SqlEventStore.open(embedded, { ownsDatabase: false });
    case 'postgres':
      return openPostgresEventStore({
        connectionString: config.url,
        schema: config.schema,
        maxConnections: config.maxConnections,
      });
    case 'kurrentdb': {
      const { KurrentDbEventStore } = await import('../kurrentdb/kurrentdb-event-store.js');
      return KurrentDbEventStore.connect(config.connectionString);
    }
  }
}
