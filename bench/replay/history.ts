import type { EventStore } from '#event-store';
import { planScenario } from '../../apps/seed/src/scenario/pilot.js';
import { schedule } from '../../apps/seed/src/scheduler.js';
import type { Step } from '../../apps/seed/src/plan.js';
import { InMemoryCommandPath } from './in-memory-path.js';

/** One demo pilot writes about 2,700 events; plan enough of them for the largest history asked for. */
const EVENTS_PER_PILOT = 2_700;
const FLUSH_EVENTS = 5_000;
const APPEND_CONCURRENCY = 8;

/**
 * The demo generator at scale: many seeded pilots decided in memory and appended in bulk. Call
 * `growTo(n)` repeatedly: the history grows, in time order, to at least n events.
 */
export class GrowingHistory {
  private readonly steps: Step[];
  private next = 0;
  private readonly path = new InMemoryCommandPath();
  written = 0;

  constructor(
    private store: EventStore,
    largest: number,
    seed = 4242,
  ) {
    const projects = Math.ceil(largest / EVENTS_PER_PILOT) + 2;
    this.steps = schedule(planScenario({ seed, projects, months: 18 }).plans);
  }

  /** PGlite hands its files to one process at a time: the history continues on a reopened store. */
  useStore(store: EventStore): void {
    this.store = store;
  }

  async growTo(target: number, onProgress?: (written: number) => void): Promise<number> {
    while (this.written < target) {
      if (this.next >= this.steps.length) throw new Error(`The planned pilots hold only ${this.written} events`);
      await this.path.execute(this.steps[this.next++]!);
      if (this.path.pendingEvents >= FLUSH_EVENTS) {
        await this.flush();
        onProgress?.(this.written);
      }
    }
    await this.flush();
    return this.written;
  }

  private async flush(): Promise<void> {
    const appends = this.path.drain();
    let index = 0;
    const worker = async () => {
      while (index < appends.length) {
        const append = appends[index++]!;
        await this.store.append(append.streamId, append.events, append.expected);
        this.written += append.events.length;
      }
    };
    await Promise.all(Array.from({ length: APPEND_CONCURRENCY }, worker));
  }
}
