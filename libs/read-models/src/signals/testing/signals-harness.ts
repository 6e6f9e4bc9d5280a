import type { SqlDatabase } from '#database';
import type { EventStore, RecordedEvent } from '#event-store';
import { ReadModelHarness, type HistoryEvent } from '../../testing/index.js';
import { SignalFrameworkStore } from '../framework-store.js';
import { signalFactsProjection } from '../signal-facts.projection.js';
import { SignalReader } from '../signal-reader.js';

export { fact, type HistoryEvent } from '../../testing/index.js';

/** The read models' shared harness with the signal-facts projection, plus the signals' reader over it. */
export class SignalsHarness {
  private constructor(
    private readonly harness: ReadModelHarness,
    readonly frameworks: SignalFrameworkStore,
    readonly reader: SignalReader,
  ) {}

  static async open(): Promise<SignalsHarness> {
    const harness = await ReadModelHarness.open({ projections: [signalFactsProjection] });
    const frameworks = new SignalFrameworkStore(harness.database);
    await frameworks.prepare();
    return new SignalsHarness(harness, frameworks, new SignalReader(harness.database, frameworks));
  }

  get database(): SqlDatabase {
    return this.harness.database;
  }

  get store(): EventStore {
    return this.harness.store;
  }

  append(events: readonly HistoryEvent[]): Promise<void> {
    return this.harness.append(events);
  }

  copy(events: readonly RecordedEvent[]): Promise<void> {
    return this.harness.copy(events);
  }

  log(): Promise<RecordedEvent[]> {
    return this.harness.log();
  }

  project(batchSize?: number): Promise<void> {
    return this.harness.project(batchSize);
  }

  close(): Promise<void> {
    return this.harness.close();
  }
}
