import type { SqlDatabase } from '#database';
import { SignalFrameworkStore, type SignalFramework } from '#read-models/signals';

/**
 * Registers the territories' framework versions in the read-model database, as an analyst would
 * with registerSignalFramework, before the commands that adopt them run. Versions are immutable:
 * registering the same definition again (`--append`) changes nothing, another one is refused.
 */
export async function registerFrameworks(database: SqlDatabase, frameworks: readonly SignalFramework[]): Promise<void> {
  const store = new SignalFrameworkStore(database);
  await store.prepare();
  for (const framework of frameworks) {
    await store.register(framework.id, framework.version, framework.definition, 'seed:demo');
  }
}
