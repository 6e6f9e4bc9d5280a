import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from '#event-store';
import { EventLogHealthIndicator } from './event-log.health.js';
import { ReadModelsHealthIndicator } from './read-models.health.js';

/**
 * Health for orchestrators, without a token (the API's access guard only gates GraphQL):
 * `/health` is liveness (the process answers and the event store is reachable), `/health/ready`
 * is readiness (the read-model database answers too, and no append has held the event log back
 * longer than EVENT_LOG_HOLD_LIMIT_SECONDS). Both answer 200, or 503 with the failing check.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly readModels: ReadModelsHealthIndicator,
    private readonly eventLog: EventLogHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStore.check()]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.eventStore.check(),
      () => this.readModels.check(),
      () => this.eventLog.check(),
    ]);
  }
}
