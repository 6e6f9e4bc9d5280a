/** The command line of `npm run seed:demo -- [flags]`. */
export interface SeedOptions {
  readonly seed: number;
  readonly projects: number;
  readonly months: number;
  readonly append: boolean;
  readonly json: boolean;
  readonly help: boolean;
}

/** The default seed is the pilot's first day, so the default demo is always the same pilot. */
export const DEFAULT_SEED = 20240108;
/** The programme of DOMAIN.md in three territories whose variants differ (scenario/variants.ts). */
export const DEFAULT_PROJECTS = 3;
export const DEFAULT_MONTHS = 18;
export const MIN_MONTHS = 4;
export const MAX_MONTHS = 24;
export const MAX_PROJECTS = 500;

export const USAGE = `Usage: npm run seed:demo -- [options]

Writes a synthetic co-production pilot through the API's command path (same command bus,
deciders and key vault) into the configured event store (EVENT_STORE, DATA_DIR, DATABASE_URL).

Options:
  --seed N       seed of the synthetic pilot (default ${DEFAULT_SEED}); same seed, same events
  --projects N   number of pilots, each with its own seed and local partners (default 3: the Valley,
                 Pine Valley and Stone Valley territories, each with its own variant and framework)
  --months N     planned pilot length in months, ${MIN_MONTHS}-${MAX_MONTHS} (default ${DEFAULT_MONTHS}; a 2-month extension follows)
  --append       write even if the event store already holds events
  --json         print the summary as one JSON object on the last line
  --help         show this help
`;

export class UsageError extends Error {}

function integer(flag: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${flag} needs a whole number`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be from ${min} to ${max}`);
  return n;
}

export function parseOptions(argv: readonly string[]): SeedOptions {
  let seed = DEFAULT_SEED;
  let projects = DEFAULT_PROJECTS;
  let months = DEFAULT_MONTHS;
  let append = false;
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--seed':
        seed = integer(flag, value(), 0, 2 ** 32 - 1);
        break;
      case '--projects':
        projects = integer(flag, value(), 1, MAX_PROJECTS);
        break;
      case '--months':
        months = integer(flag, value(), MIN_MONTHS, MAX_MONTHS);
        break;
      case '--append':
        append = true;
        break;
      case '--json':
        json = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new UsageError(`Unknown option ${argv[i]}`);
    }
  }
  return { seed, projects, months, append, json, help };
}
