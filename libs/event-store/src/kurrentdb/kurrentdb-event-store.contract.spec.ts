import { describe, it } from '@jest/globals';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const connectionString = process.env.KURRENTDB_CONNECTION_STRING;

if (!connectionString) {
  // No KurrentDB server can run on the CI machines (no container engine, no package), so the
  // run is skipped, and says so in the test output rather than passing silently.
  console.warn(
    'KurrentDB contract run SKIPPED: KURRENTDB_CONNECTION_STRING is not set (no KurrentDB server on this machine). ' +
      'Set it, e.g. kurrentdb://127.0.0.1:2113?tls=false, to run the contract suite against KurrentDB.',
  );
  describe('EventStore contract: KurrentDB', () => {
    it.skip('SKIPPED: KURRENTDB_CONNECTION_STRING is not set, so there is no KurrentDB server to run against', () =>
      undefined);
  });
} else {
  eventStoreContract(
    'KurrentDB',
    async () => {
      const store = KurrentDbEventStore.connect(connectionString);
      return { store, dispose: () => store.close() };
    },
    { globallyUniqueEventIds: false },
  );
}
