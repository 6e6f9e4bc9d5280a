import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configOrExit, exitOnBootRefusal, listenOrRefuse, stopOnSignals, setHeapGrowingPercent } from '#config';
import { claimBeforeBoot } from '#database';
import { AppModule } from './app.module.js';
import { useBodyLimit } from './limits/body-limit.js';

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  setHeapGrowingPercent(config.heapGrowingPercent);
  const { host, port } = config.http;
  // Before anything is opened: a second `npm start` must change nothing.
  const lock = await claimBeforeBoot(config, port, 'PORT');
  // Bodies are parsed by useBodyLimit, with the configured limit and a typed 413.
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  useBodyLimit(app, config.limits.bodyLimitBytes);
  app.useLogger(app.get(Logger));
  stopOnSignals(
    () => app.close(),
    () => lock?.release(),
  );
  await listenOrRefuse(app, host, port, 'PORT');
  app.get(Logger).log(`GraphQL ready at http://${host}:${port}/graphql (event store: ${config.eventStore.kind})`);
}

bootstrap().catch(exitOnBootRefusal);
