import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { EventStoreModule } from '#event-store';
import { ProjectionsModule } from '#read-models';
import { HealthModule } from '#health';
import { MetricsModule } from '#metrics';

/** The projector process of the production stack: it follows the event log and keeps read models. */
@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel, autoLogging: false } }),
        DatabaseModule,
        EventStoreModule,
        ProjectionsModule.forRoot({ runEngine: true }),
        HealthModule,
        MetricsModule.forRoot(),
      ],
    };
  }
}
