import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configOrExit, exitOnBootRefusal, listenOrRefuse, stopOnSignals, setHeapGrowingPercent } from '#config';
import { claimBeforeBoot } from '#database';
import { ProjectorModule } from './projector.module.js';

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  setHeapGrowingPercent(config.heapGrowingPercent);
  const { host } = config.http;
  const port = config.projectorHealthPort;
  const lock = await claimBeforeBoot(config, port, 'PROJECTOR_HEALTH_PORT');
  const app = await NestFactory.create(ProjectorModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  stopOnSignals(
    () => app.close(),
    () => lock?.release(),
  );
  // Only health and metrics listen here; the projector serves no API.
  await listenOrRefuse(app, host, port, 'PROJECTOR_HEALTH_PORT');
  app
    .get(Logger)
    .log(`Projector running (event store: ${config.eventStore.kind}, read models: ${config.readModels.kind})`);
}

bootstrap().catch(exitOnBootRefusal);
