import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, type AppConfig } from '#config';
import { ProjectorModule } from './projector.module.js';

function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const app = await NestFactory.create(ProjectorModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Only a health endpoint listens here; the projector serves no API.
  await app.listen(config.projectorHealthPort, config.http.host);
  app
    .get(Logger)
    .log(`Projector running (event store: ${config.eventStore.kind}, read models: ${config.readModels.kind})`);
}

void bootstrap();
