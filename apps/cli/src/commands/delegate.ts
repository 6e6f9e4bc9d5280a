import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';

/**
 * The built entry of another app (dist/apps/<app>/src/main.js), run as a child process: the
 * command line reuses `npm run token` and `npm run seed:demo` whole (their flags, help, output and
 * exit codes) without importing another app's code.
 */
function entryOf(app: 'token' | 'seed'): string {
  return fileURLToPath(new URL(`../../../${app}/src/main.js`, import.meta.url));
}

function run(app: 'token' | 'seed', args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entryOf(app), ...args], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function delegate(name: 'token' | 'seed', app: 'token' | 'seed', description: string, exit: (code: number) => void) {
  return new Command(name)
    .description(description)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[options...]', `the options of npm run ${app === 'seed' ? 'seed:demo' : 'token'} (--help lists them)`)
    .action(async (args: string[]) => exit(await run(app, args)));
}

export function tokenCommand(exit: (code: number) => void): Command {
  return delegate('token', 'token', 'Issue a development token (same as npm run token; --help for its options)', exit);
}

export function seedCommand(exit: (code: number) => void): Command {
  return delegate(
    'seed',
    'seed',
    'Write the synthetic demo pilot straight into the data directory (same as npm run seed:demo; stop the API first on the embedded store)',
    exit,
  );
}
