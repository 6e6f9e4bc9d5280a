import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig } from '#config';
import { EVENT_STORE, type EventStore } from '#event-store';
import { logHold } from '#projections';

/**
 * Not ready while an append transaction has been open longer than EVENT_LOG_HOLD_LIMIT_SECONDS:
 * every event committed after it is held back from readers, so answers go stale and consistency
 * tokens time out. Always up where the store orders its own log (KurrentDB).
 */
@Injectable()
export class EventLogHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'eventLog') {
    const indicator = this.health.check(key);
    let hold;
    try {
      hold = await logHold(this.store);
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
    const limit = this.config.eventLogHoldLimitSeconds;
    if (!hold || hold.seconds <= limit) return indicator.up({ heldBack: hold !== null });
    return indicator.down({
      heldBack: true,
      transactionId: hold.transactionId,
      pid: hold.pid,
      since: hold.since.toISOString(),
      seconds: hold.seconds,
      limitSeconds: limit,
    });
  }
}
