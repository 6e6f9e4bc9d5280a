/** Where a subscription reports its outages: once when it drops, once when it is back. */
export interface SubscriptionLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface BackoffOptions {
  /** The wait before the first resubscribe of an outage. */
  readonly initialDelayMs?: number;
  /** Waits double after each failed resubscribe, up to this. */
  readonly maxDelayMs?: number;
}

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * One outage of a subscription, from the drop to the first sign of progress after a resubscribe.
 * A server that is down or restarting would otherwise be asked again every moment by every
 * subscription of every process, and the log would fill with one line per attempt.
 */
export class Outage {
  private failedAttempts = 0;
  private readonly since = Date.now();

  constructor(private readonly options: BackoffOptions = {}) {}

  /** The wait before the next resubscribe; each call counts one more attempt. */
  nextDelay(): number {
    const initial = this.options.initialDelayMs ?? INITIAL_DELAY_MS;
    const max = this.options.maxDelayMs ?? MAX_DELAY_MS;
    const delay = Math.min(max, initial * 2 ** this.failedAttempts);
    this.failedAttempts += 1;
    return delay;
  }

  describeRecovery(): string {
    const seconds = ((Date.now() - this.since) / 1000).toFixed(1);
    return `after ${seconds} s and ${this.failedAttempts} resubscribe attempt(s)`;
  }
}
