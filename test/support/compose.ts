import { parse } from 'yaml';

/**
 * Just enough of docker-compose to know what environment a service's process gets: the YAML
 * with its anchors and merge keys, `${…}` interpolation from the project's .env, `env_file`
 * entries, and `environment:` overriding them.
 */
export type Env = Record<string, string>;

export interface EnvFileEntry {
  readonly key: string;
  readonly value: string;
  /** 1-based line number. */
  readonly line: number;
  /** The comment line right above the assignment, without its `#`, or null. */
  readonly comment: string | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads a KEY=value env file: blank lines and `#` comment lines are skipped, the value is the rest of the line. */
export function parseEnvFile(text: string): EnvFileEntry[] {
  const entries: EnvFileEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    const key = equals < 0 ? line : line.slice(0, equals);
    if (!NAME.test(key)) throw new Error(`line ${index + 1}: "${raw}" is not a KEY=value assignment`);
    const above = index > 0 ? lines[index - 1]!.trim() : '';
    entries.push({
      key,
      value: equals < 0 ? '' : line.slice(equals + 1),
      line: index + 1,
      comment: above.startsWith('#') ? above.slice(1).trim() : null,
    });
  });
  return entries;
}

export function envOf(entries: readonly EnvFileEntry[]): Env {
  return Object.fromEntries(entries.map((entry) => [entry.key, entry.value]));
}

const INTERPOLATION = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*)|)/g;

/** Compose's interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`. */
export function interpolate(text: string, vars: Readonly<Env>): string {
  return text.replace(
    INTERPOLATION,
    (match, dollar?: string, braced?: string, operator?: string, argument?: string, bare?: string) => {
      if (dollar) return '$';
      const name = braced ?? bare;
      if (!name) throw new Error(`Invalid interpolation format in "${text}"`);
      const value = vars[name];
      const missing = operator?.startsWith(':') ? value === undefined || value === '' : value === undefined;
      if (operator?.endsWith('?') && missing) throw new Error(`Missing mandatory value for ${name}: ${argument}`);
      if (operator?.endsWith('-') && missing) return argument ?? '';
      return value ?? '';
    },
  );
}

function interpolateDeep(node: unknown, vars: Readonly<Env>): unknown {
  if (typeof node === 'string') return interpolate(node, vars);
  if (Array.isArray(node)) return node.map((item) => interpolateDeep(item, vars));
  if (node !== null && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateDeep(value, vars)]));
  return node;
}

export interface ComposeService {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: string[];
  readonly env_file?: string | Array<string | { path: string }>;
  readonly environment?: Record<string, string | number | boolean | null> | string[];
  readonly ports?: unknown[];
  readonly depends_on?: string[] | Record<string, { condition?: string }>;
  readonly healthcheck?: { test?: string[] | string; [option: string]: unknown };
}

export interface ComposeFile {
  readonly services: Record<string, ComposeService>;
}

/** The compose file as compose sees it after interpolating `${…}` from `dotenv` (the project's .env). */
export function loadComposeFile(yaml: string, dotenv: Readonly<Env>): ComposeFile {
  return interpolateDeep(parse(yaml, { merge: true }), dotenv) as ComposeFile;
}

/** The environment a service's process starts with: its env_file entries, then `environment:` over them. */
export function serviceEnvironment(service: ComposeService, readEnvFile: (path: string) => Env): Env {
  const env: Env = {};
  const files = service.env_file === undefined ? [] : [service.env_file].flat();
  for (const file of files) Object.assign(env, readEnvFile(typeof file === 'string' ? file : file.path));
  const environment = service.environment ?? {};
  const pairs: Array<[string, unknown]> = Array.isArray(environment)
    ? environment.map((item) =>
        item.includes('=') ? [item.split('=', 1)[0]!, item.slice(item.indexOf('=') + 1)] : [item, null],
      )
    : Object.entries(environment);
  for (const [key, value] of pairs) {
    if (value === null) throw new Error(`${key}: a value taken from the shell is not modelled here`);
    if (typeof value === 'boolean') throw new Error(`${key}: compose refuses a boolean environment value; quote it`);
    env[key] = String(value);
  }
  return env;
}

/** The exec-form command of the Dockerfile's HEALTHCHECK instruction (continuation lines joined). */
export function dockerfileHealthcheck(dockerfile: string): string[] {
  const joined = dockerfile.replace(/\\\r?\n/g, ' ');
  const match = /^HEALTHCHECK\s+(?:--[a-z-]+=\S+\s+)*CMD\s+(\[.*\])\s*$/m.exec(joined);
  if (!match) throw new Error('no exec-form HEALTHCHECK … CMD [...] in the Dockerfile');
  return JSON.parse(match[1]!) as string[];
}
