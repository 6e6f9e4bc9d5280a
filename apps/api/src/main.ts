import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, type AppConfig } from '#config';
import { AppModule } from './app.module.js';
import { useBodyLimit } from './limits/body-limit.js';

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
  // Bodies are parsed by useBodyLimit, with the configured limit and a typed 413.
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  useBodyLimit(app, config.limits.bodyLimitBytes);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
  app
    .get(Logger)
    .log(
      `GraphQL ready at http://${config.http.host}:${config.http.port}/graphql (event store: ${config.eventStore.kind})`,
    );
}

void bootstrap();
