import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { graphql, PlatformError, type Connection } from '../client.js';
import { connectionOf, positiveInteger, withCommonOptions, type CommonOptions, type Output } from '../output.js';

interface ProjectionStatus {
  readonly name: string;
  readonly state: string;
  readonly generation: number;
  readonly checkpoint: string;
  readonly lagEvents: number | null;
  readonly lastError: string | null;
  readonly rebuild: {
    readonly generation: number;
    readonly eventsProcessed: number;
    readonly eventsRemaining: number | null;
    readonly progress: number | null;
    readonly failure: { readonly error: string } | null;
  } | null;
}

const FIELDS = `name state generation checkpoint lagEvents lastError
  rebuild { generation eventsProcessed eventsRemaining progress failure { error } }`;

/** The admin mutations, by the word the command line uses. */
const MUTATIONS = {
  pause: 'pauseProjection',
  resume: 'resumeProjection',
  retry: 'retryProjection',
  skip: 'skipProjectionEvent',
  rebuild: 'rebuildProjection',
} as const;

async function statuses(connection: Connection): Promise<ProjectionStatus[]> {
  return (await graphql<{ projections: ProjectionStatus[] }>(connection, `{ projections { ${FIELDS} } }`)).projections;
}

async function statusOf(connection: Connection, name: string): Promise<ProjectionStatus> {
  const found = (await statuses(connection)).find((status) => status.name === name);
  if (!found) throw new PlatformError(`There is no projection named ${name}`, 'PROJECTION_NOT_FOUND');
  return found;
}

function table(list: readonly ProjectionStatus[]): string {
  const rows = list.map((s) => [
    s.name,
    s.state,
    String(s.generation),
    s.checkpoint,
    s.lagEvents === null ? '-' : String(s.lagEvents),
    s.rebuild ? `rebuilding gen ${s.rebuild.generation}: ${percent(s.rebuild.progress)}` : (s.lastError ?? ''),
  ]);
  const header = ['NAME', 'STATE', 'GEN', 'CHECKPOINT', 'LAG', 'NOTE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return (
    [header, ...rows]
      .map((r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

const percent = (progress: number | null) => (progress === null ? '?' : `${Math.round(progress * 100)}%`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rebuilds, then follows the projection status until the new generation is swapped in: the live
 * one serves until then. The status query is polled (the subscription needs a WebSocket the
 * command line would hold open for a single projection).
 */
async function rebuild(
  connection: Connection,
  name: string,
  options: { json: boolean; timeout: number },
  output: Output,
): Promise<ProjectionStatus> {
  const before = await statusOf(connection, name);
  const started = (
    await graphql<{ rebuildProjection: ProjectionStatus }>(
      connection,
      `mutation R($name: String!) { rebuildProjection(name: $name) { ${FIELDS} } }`,
      { name },
    )
  ).rebuildProjection;
  const bar = new SingleBar(
    { stream: process.stderr, format: `rebuild ${name} |{bar}| {percentage}% · {events} events`, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(1000, 0, { events: 0 });
  const deadline = Date.now() + options.timeout * 1000;
  let current = started;
  try {
    for (;;) {
      if (current.rebuild?.failure)
        throw new PlatformError(`The rebuild of ${name} failed: ${current.rebuild.failure.error}`);
      if (!current.rebuild && current.generation > before.generation) break;
      if (current.state === 'failed')
        throw new PlatformError(`${name} failed: ${current.lastError ?? 'see projections status'}`);
      if (current.rebuild)
        bar.update(Math.round((current.rebuild.progress ?? 0) * 1000), { events: current.rebuild.eventsProcessed });
      if (Date.now() > deadline)
        throw new PlatformError(
          `${name} was still rebuilding after ${options.timeout} s; it carries on: follow it with projections status`,
        );
      await sleep(250);
      current = await statusOf(connection, name);
    }
    bar.update(1000);
  } finally {
    bar.stop();
  }
  if (!options.json) output.err(`${name}: generation ${current.generation} is live (was ${before.generation})\n`);
  return current;
}

export function projectionsCommand(output: Output): Command {
  const command = new Command('projections').description('Watch and steer the projections (admins)');
  command.addCommand(
    withCommonOptions(
      new Command('status').description('Where every projection stands, or one').argument('[name]', 'one projection'),
    ).action(async (name: string | undefined, options: CommonOptions) => {
      const connection = connectionOf(options);
      const list = name ? [await statusOf(connection, name)] : await statuses(connection);
      output.out(options.json ? `${JSON.stringify(name ? list[0] : list)}\n` : table(list));
    }),
  );
  command.addCommand(
    withCommonOptions(
      new Command('rebuild')
        .description('Rebuild into a new generation and follow it until the swap')
        .argument('<name>', 'the projection')
        .option('--timeout <seconds>', 'stop following after this long', positiveInteger('--timeout'), 3600),
    ).action(async (name: string, options: CommonOptions & { timeout: number }) => {
      const status = await rebuild(connectionOf(options), name, options, output);
      output.out(options.json ? `${JSON.stringify(status)}\n` : table([status]));
    }),
  );
  for (const verb of ['pause', 'resume', 'retry', 'skip'] as const) {
    const what = {
      pause: 'Pause a projection',
      resume: 'Resume a paused projection',
      retry: 'Try the failed event again',
      skip: 'Move the failed event to the dead letters and carry on',
    }[verb];
    command.addCommand(
      withCommonOptions(new Command(verb).description(what).argument('<name>', 'the projection')).action(
        async (name: string, options: CommonOptions) => {
          const mutation = MUTATIONS[verb];
          const status = (
            await graphql<Record<string, ProjectionStatus>>(
              connectionOf(options),
              `mutation M($name: String!) { ${mutation}(name: $name) { ${FIELDS} } }`,
              { name },
            )
          )[mutation]!;
          output.out(options.json ? `${JSON.stringify(status)}\n` : table([status]));
        },
      ),
    );
  }
  return command;
}
