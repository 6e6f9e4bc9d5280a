import { afterAll, beforeAll } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import type { HistoryEvent } from './history-events.js';

/** What a time-travel spec needs of a harness: the read-model harness, or one built on it. */
export interface ReplayableHarness {
  append(events: readonly HistoryEvent[]): Promise<void>;
  copy(events: readonly RecordedEvent[]): Promise<void>;
  log(): Promise<RecordedEvent[]>;
  project(batchSize?: number): Promise<void>;
  close(): Promise<void>;
}

/** A history recorded in three sessions, and the replays a time travel into it must equal. */
export interface HistoryInSessions<H extends ReplayableHarness> {
  /** Every session recorded and projected. */
  readonly full: H;
  /** The whole log as recorded. */
  readonly log: readonly RecordedEvent[];
  /** Moments between sessions 1 and 2, and between sessions 2 and 3. */
  readonly afterSession1: Date;
  readonly afterSession2: Date;
  /** A fresh harness holding the logged events `keep` keeps, projected (closed with the rest). */
  replayOf(keep: (event: RecordedEvent) => boolean): Promise<H>;
}

/** Leaves the clock room on either side of a moment, so that recordedAt falls clearly before or after it. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 25));

/**
 * Records `sessions` one after another for the tests of one describe block, noting a moment
 * between each two, and projects them; every harness is closed after the tests. Time travel to
 * any moment must equal a replay of the history truncated there. `open` gives a harness ready for
 * events (e.g. with a framework registered).
 */
export function recordedInSessions<H extends ReplayableHarness>(
  open: () => Promise<H>,
  sessions: readonly [readonly HistoryEvent[], readonly HistoryEvent[], readonly HistoryEvent[]],
): HistoryInSessions<H> {
  const history = { replays: [] as H[] } as {
    full: H;
    log: RecordedEvent[];
    afterSession1: Date;
    afterSession2: Date;
    replays: H[];
  };
  beforeAll(async () => {
    const [session1, session2, session3] = sessions;
    history.full = await open();
    await history.full.append(session1);
    await pause();
    history.afterSession1 = new Date();
    await pause();
    await history.full.append(session2);
    await pause();
    history.afterSession2 = new Date();
    await pause();
    await history.full.append(session3);
    await history.full.project();
    history.log = await history.full.log();
  });
  afterAll(async () => {
    await history.full?.close();
    for (const replay of history.replays) await replay.close();
  });
  return {
    get full() {
      return history.full;
    },
    get log() {
      return history.log;
    },
    get afterSession1() {
      return history.afterSession1;
    },
    get afterSession2() {
      return history.afterSession2;
    },
    async replayOf(keep) {
      const replay = await open();
      history.replays.push(replay);
      await replay.copy(history.log.filter(keep));
      await replay.project(5);
      return replay;
    },
  };
}
