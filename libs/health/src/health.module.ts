import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from '#event-store';
import { EventLogHealthIndicator } from './event-log.health.js';
import { HealthController } from './health.controller.js';
import { ReadModelsHealthIndicator } from './read-models.health.js';

/** `/health` and `/health/ready`; needs the global EVENT_STORE and OPERATIONAL_DATABASE providers. */
@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ReadModelsHealthIndicator, EventLogHealthIndicator],
})
export class HealthModule {}
