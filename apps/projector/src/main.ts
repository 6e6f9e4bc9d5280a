import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configOrExit, ensurePortFree, exitOnBootRefusal, portInUse, stopOnSignals } from '#config';
import { embeddedDataDirectory, lockDataDirectory } from '#database';
import { ProjectorModule } from './projector.module.js';

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const { host } = config.http;
  const port = config.projectorHealthPort;
  await ensurePortFree(host, port, 'PROJECTOR_HEALTH_PORT');
  const dataDir = embeddedDataDirectory(config);
  const lock = dataDir ? lockDataDirectory(dataDir) : null;
  const app = await NestFactory.create(ProjectorModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  stopOnSignals(
    () => app.close(),
    () => lock?.release(),
  );
  // Only health and metrics listen here; the projector serves no API.
  try {
    await app.listen(port, host);
  } catch (error) {
    const refusal = portInUse(error, host, port, 'PROJECTOR_HEALTH_PORT');
    if (!refusal) throw error;
    await app.close();
    throw refusal;
  }
  app
    .get(Logger)
    .log(`Projector running (event store: ${config.eventStore.kind}, read models: ${config.readModels.kind})`);
}

bootstrap().catch(exitOnBootRefusal);
