import { Command, CommanderError } from 'commander';
import { PlatformError, UsageError } from './client.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { projectionsCommand } from './commands/projections.js';
import { replayCommand } from './commands/replay.js';
import { seedCommand, tokenCommand } from './commands/delegate.js';
import { processOutput } from './output.js';

/**
 * `npm run cli -- <command>`: the analysts' and operators' command line over a running platform
 * (docs/data-tools.md#command-line). Exit codes: 0 done, 1 refused or failed (refused lines, a
 * refusal or an error of the platform, a platform out of reach), 2 used wrongly (bad or missing
 * options, --help excepted).
 */
const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

let exitCode: number = EXIT.ok;
const setExit = (code: number) => {
  exitCode = code;
};

function program(): Command {
  const cli = new Command('cli')
    .description('The co-production platform from the command line: exports, imports, projections, replays')
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    });
  for (const command of [
    exportCommand(processOutput),
    importCommand(processOutput, setExit),
    projectionsCommand(processOutput),
    replayCommand(processOutput),
    tokenCommand(setExit),
    seedCommand(setExit),
  ])
    cli.addCommand(command);
  // Subcommands added whole do not inherit the program's settings: every parse error must reach
  // main() (exit code 2) rather than end the process with commander's own code.
  const settle = (command: Command): void => {
    command.exitOverride().showHelpAfterError('(add --help for usage)');
    command.commands.forEach(settle);
  };
  settle(cli);
  return cli;
}

// `cli export … | head`: a reader that stops early is no failure of the command line.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(exitCode);
});

async function main(): Promise<number> {
  try {
    await program().parseAsync(process.argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end the parse through exitOverride too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof PlatformError) {
      process.stderr.write(`${error.code ? `${error.code}: ` : ''}${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.failure;
  },
);
