import { Command, InvalidArgumentError, Option } from 'commander';
import { UsageError, type Connection } from './client.js';

/** Where a command writes: results on stdout, progress and messages on stderr. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export interface CommonOptions {
  readonly url: string;
  readonly token?: string;
  readonly json: boolean;
}

export const DEFAULT_URL = 'http://127.0.0.1:3000';

/** The options every command that talks to the platform takes, in the same words everywhere. */
export function withCommonOptions(command: Command): Command {
  return command
    .addOption(new Option('--url <url>', 'base URL of the running platform').default(DEFAULT_URL))
    .addOption(new Option('--token <token>', 'bearer token (npm run cli -- token …)').env('PLATFORM_TOKEN'))
    .option('--json', 'print the result as JSON on stdout', false);
}

export function connectionOf(options: CommonOptions): Connection {
  if (!options.token) throw new UsageError('A token is needed: pass --token <token> or set PLATFORM_TOKEN');
  try {
    new URL(options.url);
  } catch {
    throw new UsageError(`--url must be a URL such as ${DEFAULT_URL}`);
  }
  return { url: options.url, token: options.token };
}

/** Options that take a date-time: checked here, so a typo is a usage error and not a server refusal. */
export function dateTime(flag: string) {
  return (value: string): string => {
    if (Number.isNaN(new Date(value).getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value))
      throw new InvalidArgumentError(`${flag} must be an ISO 8601 date or date-time, e.g. 2025-06-30T23:59:59Z`);
    return value;
  };
}

export function positiveInteger(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1)
      throw new InvalidArgumentError(`${flag} must be a whole number from 1`);
    return Number(value);
  };
}
