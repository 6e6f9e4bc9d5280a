import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configOrExit, exitOnBootRefusal, setHeapGrowingPercent } from '#config';
import { embeddedDataDirectory, lockDataDirectory, OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { EVENT_STORE, formatPosition, type EventStore } from '#event-store';
import { CommandPath } from './command-path.js';
import { registerFrameworks } from './frameworks.js';
import { parseOptions, UsageError, USAGE, type SeedOptions } from './options.js';
import { createProgress } from './progress.js';
import { planScenario } from './scenario/pilot.js';
import { firstInTheFuture, runSteps, schedule, StepRefused } from './scheduler.js';
import { SeedModule } from './seed.module.js';
import { formatSummary, summarise } from './summary.js';
import { demoIds, formatDirectory } from './demo-directory.js';

/**
 * `npm run seed:demo`: a reproducible synthetic pilot, written through the API's own command
 * path. Exit codes: 0 done, 1 a command was refused or the configuration is wrong, 2 bad flags or
 * a pilot that would reach into the future, 3 the event store is not empty (and no --append).
 */
const out = (text: string) => process.stdout.write(text);
const err = (text: string) => process.stderr.write(text);

function options(): SeedOptions {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const flags = options();
  if (flags.help) {
    out(USAGE);
    return 0;
  }
  const appConfig = configOrExit();
  setHeapGrowingPercent(appConfig.heapGrowingPercent);
  // The whole pilot is planned before anything is written: a bad plan fails with an empty store.
  const scenario = planScenario({ seed: flags.seed, projects: flags.projects, months: flags.months });
  const steps = schedule(scenario.plans);
  const future = firstInTheFuture(steps, new Date());
  if (future) {
    err(
      `A ${flags.months}-month pilot would reach ${future.at.toISOString()}, which is in the future; use fewer --months.\n`,
    );
    return 2;
  }

  // Before the store is opened: the API running on the same embedded store must be stopped first.
  const dataDir = embeddedDataDirectory(appConfig);
  if (dataDir) {
    try {
      lockDataDirectory(dataDir);
    } catch (error) {
      exitOnBootRefusal(error);
    }
  }
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(appConfig), { logger: ['error', 'warn'] });
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    const before = await store.lastPosition();
    if (before && !flags.append) {
      err(
        `The event store is not empty (${await store.streamCount()} streams, last position ${formatPosition(before)}): ` +
          'the demo seed writes only into an empty store, so running it again does not duplicate the pilot.\n' +
          'Use a fresh DATA_DIR, or pass --append to add to it (with the same --seed every command is recognised ' +
          'by its id and nothing is written; another --seed adds another pilot).\n',
      );
      return 3;
    }
    await registerFrameworks(app.get<SqlDatabase>(OPERATIONAL_DATABASE), scenario.frameworks);
    err(
      `Seeding ${flags.projects} pilot(s), seed ${flags.seed}: ${steps.length} commands into the ${store.kind} event store\n`,
    );
    const commandsStarted = Date.now();
    const totals = await runSteps(steps, app.get(CommandPath), createProgress(), before !== null);
    const commandSeconds = (Date.now() - commandsStarted) / 1000;
    const last = await store.lastPosition();
    const summary = summarise(flags, totals, (Date.now() - started) / 1000, commandSeconds, {
      kind: store.kind,
      streamCount: await store.streamCount(),
      lastPosition: last ? formatPosition(last) : null,
    });
    out(formatSummary(summary));
    out(`\n${formatDirectory(scenario.directory)}`);
    if (flags.json) out(`${JSON.stringify({ ...summary, demo: demoIds(scenario.directory) })}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof StepRefused)) throw error;
    err(`${error.message}\nThe store holds the pilot up to that command; seed again into an empty DATA_DIR.\n`);
    return 1;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    err(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
