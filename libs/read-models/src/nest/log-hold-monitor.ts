import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { logHold, type LogHold } from '#projections';

/** How often a process that runs projections looks for an append that holds the log back. */
export const LOG_HOLD_CHECK_INTERVAL_MS = 5_000;

/**
 * Says in the logs when an append transaction of the platform has stayed open longer than
 * EVENT_LOG_HOLD_LIMIT_SECONDS (a stuck writer: every event committed after it waits), once per
 * such transaction, and again when it has ended. Readiness fails meanwhile (libs/health).
 */
export class LogHoldMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventLog');
  private timer: NodeJS.Timeout | null = null;
  private reported: LogHold | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly limitSeconds: number,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.store.oldestAppendInFlight) return;
    this.timer = setInterval(() => void this.check(), LOG_HOLD_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async check(now: Date = new Date()): Promise<void> {
    let hold: LogHold | null;
    try {
      hold = await logHold(this.store, now);
    } catch {
      return; // the store being down is reported by its own health check
    }
    const stuck = hold && hold.seconds > this.limitSeconds ? hold : null;
    if (stuck && stuck.transactionId !== this.reported?.transactionId) {
      this.logger.warn(
        `The event log is held back by append transaction ${stuck.transactionId} (server process ${stuck.pid}), ` +
          `open since ${stuck.since.toISOString()} (${stuck.seconds} s, limit ${this.limitSeconds} s): ` +
          'events committed after it wait until it ends. End or cancel that transaction ' +
          `(select pg_cancel_backend(${stuck.pid})).`,
      );
      this.reported = stuck;
    } else if (!stuck && this.reported) {
      this.logger.log(`The event log is no longer held back by transaction ${this.reported.transactionId}.`);
      this.reported = null;
    }
  }
}
