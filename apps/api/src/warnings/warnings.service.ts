import { Inject, Injectable } from '@nestjs/common';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import type { GlobalPosition } from '#event-store';
import { ProjectionEvents } from '#read-models';
import { SignalFrameworkStore, SignalReader } from '#read-models/signals';
import { WARNINGS_PROJECTION, WarningsReader, type WarningSequence, type WarningView } from '#read-models/warnings';

/** Whatever else happens, look again this often: the projector may run in another process. */
export const WARNING_POLL_INTERVAL_MS = 2_000;
/** At most one look per this interval while local projections commit batches. */
const THROTTLE_MS = 100;
const SIGNAL_FACTS = 'signal-facts';
/** Ordinals are small: "after position P" means after every warning the event at P raised. */
const LAST_ORDINAL = 2_147_483_647;

/** The warnings reader over the read-model database, and the live feed behind `warningRaised`. */
@Injectable()
export class WarningsService {
  readonly reader: WarningsReader;

  constructor(
    @Inject(OPERATIONAL_DATABASE) database: SqlDatabase,
    private readonly events: ProjectionEvents,
  ) {
    // The framework store only reads here (the signals module registers the default at boot).
    this.reader = new WarningsReader(database, new SignalReader(database, new SignalFrameworkStore(database)));
  }

  /**
   * New warnings of a project, as they appear: the rows the warnings projection commits after
   * `after` (else after the project's latest warning), woken by local commits and by a slow poll;
   * signal drops recomputed for the months of the signal facts that arrive; and barriers that pass
   * their deadline in a quiet project. Computed warnings present when the feed starts are not pushed;
   * a stored warning already pushed as computed (same id) is not pushed again. Ends when `stop` aborts
   * (the client went away), even while it waits.
   */
  async *watch(projectId: string, after: GlobalPosition | null, stop: AbortSignal): AsyncGenerator<WarningView> {
    let wake: (() => void) | null = null;
    const onStop = () => wake?.();
    stop.addEventListener('abort', onStop);
    let storedDue = true;
    let signalsDue = false;
    const subscription = this.events.committed.subscribe((progress) => {
      if (progress.projection === WARNINGS_PROJECTION) storedDue = true;
      else if (progress.projection === SIGNAL_FACTS) signalsDue = true;
      else return;
      wake?.();
    });
    try {
      let sequence: WarningSequence | null = after
        ? { commit: after.commit, prepare: after.prepare, ordinal: LAST_ORDINAL }
        : await this.reader.latestSequence(projectId);
      const seen = new Set<string>();
      const start = new Date();
      for (const warning of await this.reader.computedNow(projectId, start)) seen.add(warning.id);
      // Every drop already there (over the longest range evaluated) counts as seen.
      for (const warning of await this.reader.signalDrops(projectId, new Date(0), start)) seen.add(warning.id);
      let facts = (await this.reader.signalFactMonthsAfter(projectId, null)).latest;
      while (!stop.aborted) {
        if (!storedDue && !signalsDue) {
          const polled = await new Promise<boolean>((resolve) => {
            wake = () => resolve(false);
            setTimeout(() => resolve(true), WARNING_POLL_INTERVAL_MS).unref();
          });
          wake = null;
          if (stop.aborted) return;
          if (polled) storedDue = signalsDue = true;
        }
        if (storedDue) {
          storedDue = false;
          for (;;) {
            const rows = await this.reader.raisedAfter(projectId, sequence, 100);
            for (const row of rows) {
              sequence = row.sequence;
              if (seen.has(row.id)) continue;
              seen.add(row.id);
              yield row;
            }
            if (rows.length < 100) break;
          }
        }
        const now = new Date();
        if (signalsDue) {
          signalsDue = false;
          const arrived = await this.reader.signalFactMonthsAfter(projectId, facts);
          facts = arrived.latest;
          if (arrived.earliestMonth) {
            for (const drop of await this.reader.signalDrops(projectId, arrived.earliestMonth, now)) {
              if (drop.resolvedAt !== null || seen.has(drop.id)) continue;
              seen.add(drop.id);
              yield drop;
            }
          }
        }
        for (const overdue of await this.reader.computedNow(projectId, now)) {
          if (seen.has(overdue.id)) continue;
          seen.add(overdue.id);
          yield overdue;
        }
        await new Promise((resolve) => setTimeout(resolve, THROTTLE_MS).unref());
      }
    } finally {
      subscription.unsubscribe();
      stop.removeEventListener('abort', onStop);
    }
  }
}
