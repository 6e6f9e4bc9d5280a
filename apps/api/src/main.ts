import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configOrExit, ensurePortFree, exitOnBootRefusal, portInUse, stopOnSignals } from '#config';
import { embeddedDataDirectory, lockDataDirectory } from '#database';
import { AppModule } from './app.module.js';
import { useBodyLimit } from './limits/body-limit.js';

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const { host, port } = config.http;
  // Both checks come before anything is opened: a second `npm start` must change nothing.
  await ensurePortFree(host, port, 'PORT');
  const dataDir = embeddedDataDirectory(config);
  const lock = dataDir ? lockDataDirectory(dataDir) : null;
  // Bodies are parsed by useBodyLimit, with the configured limit and a typed 413.
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  useBodyLimit(app, config.limits.bodyLimitBytes);
  app.useLogger(app.get(Logger));
  stopOnSignals(
    () => app.close(),
    () => lock?.release(),
  );
  try {
    await app.listen(port, host);
  } catch (error) {
    const refusal = portInUse(error, host, port, 'PORT');
    if (!refusal) throw error;
    await app.close();
    throw refusal;
  }
  app.get(Logger).log(`GraphQL ready at http://${host}:${port}/graphql (event store: ${config.eventStore.kind})`);
}

bootstrap().catch(exitOnBootRefusal);
