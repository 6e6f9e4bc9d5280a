import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '#config';
import {
  dockerfileHealthcheck,
  envOf,
  interpolate,
  loadComposeFile,
  parseEnvFile,
  serviceEnvironment,
  type Env,
} from './support/compose.js';

/**
 * The production stack as an operator starts it from a fresh checkout (`cp .env.example .env`,
 * `docker compose up`): the environment compose would give the api and the projector must be one
 * the configuration loader accepts, with the stores of the stack. No container runs here; CI also
 * validates the file with docker-compose itself.
 */
const read = (path: string) => readFileSync(path, 'utf8');

/** What .env.example holds for docker-compose.yml itself rather than for the loader. */
const COMPOSE_ONLY = ['POSTGRES_PASSWORD'];

const example = parseEnvFile(read('.env.example'));
/** The operator replaced the signing secret as .env.example says (the placeholder is refused below). */
const GENERATED_SECRET = randomBytes(48).toString('base64');
const dotenv: Env = { ...envOf(example), JWT_SECRET: GENERATED_SECRET };
const composeYaml = read('docker-compose.yml');
const compose = loadComposeFile(composeYaml, dotenv);
const readEnvFile = (path: string): Env => (path === '.env' ? dotenv : envOf(parseEnvFile(read(path))));
const environmentOf = (service: string) => serviceEnvironment(compose.services[service]!, readEnvFile);
const healthcheckOf = (service: string) => [compose.services[service]!.healthcheck?.test ?? []].flat();

describe('.env.example', () => {
  it('lists every variable the configuration loader reads, once, and nothing else but compose’s own', () => {
    const keys = example.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...CONFIG_VARIABLES, ...COMPOSE_ONLY].sort());
    for (const key of COMPOSE_ONLY) expect(composeYaml).toContain(`\${${key}:?`);
  });

  it('explains each variable in a comment on the line above it', () => {
    const uncommented = example.filter((entry) => !entry.comment).map((entry) => `${entry.key} (line ${entry.line})`);
    expect(uncommented).toEqual([]);
  });

  it('has plain values that every env-file reader reads alike (no quotes, $, # or spaces)', () => {
    const unusual = example.filter((entry) => !/^[^\s'"$#`\\]*$/.test(entry.value)).map((entry) => entry.key);
    expect(unusual).toEqual([]);
  });

  it('ships placeholders to replace, not secrets, and says how to generate them', () => {
    const secret = example.find((entry) => entry.key === 'JWT_SECRET')!;
    expect(secret.value).toMatch(/^change-me-/);
    expect(secret.comment).toContain('openssl rand -base64 48');
    expect(dotenv.POSTGRES_PASSWORD).toMatch(/^change-me-/);
  });
});

describe('docker-compose.yml with .env.example as .env', () => {
  const stores = {
    environment: 'production',
    eventStore: { kind: 'kurrentdb', connectionString: 'kurrentdb://kurrentdb:2113?tls=false' },
    readModels: {
      kind: 'postgres',
      url: `postgres://coproduction:${dotenv.POSTGRES_PASSWORD}@postgres:5432/read_models`,
    },
    http: expect.objectContaining({ host: '0.0.0.0' }),
  };

  it('gives the api a configuration the loader accepts: production, KurrentDB, PostgreSQL, projections off', () => {
    const config = loadConfig(environmentOf('api'));
    expect(config).toMatchObject({ ...stores, http: { host: '0.0.0.0', port: 3000 }, projector: 'off' });
    expect(config.auth.secret).toBe(dotenv.JWT_SECRET);
    expect(config.limits).toMatchObject({ introspection: false, landingPage: false });
  });

  it('gives the projector a configuration the loader accepts, with its health port', () => {
    const config = loadConfig(environmentOf('projector'));
    expect(config).toMatchObject({ ...stores, projectorHealthPort: 3001 });
    expect(config.auth.secret).toBe(dotenv.JWT_SECRET);
  });

  it('checks readiness in each container, on the port the process listens on', () => {
    const api = loadConfig(environmentOf('api'));
    const projector = loadConfig(environmentOf('projector'));
    expect(healthcheckOf('api').slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(healthcheckOf('api')[3]).toContain(`'http://127.0.0.1:${api.http.port}/health/ready'`);
    expect(healthcheckOf('projector').slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(healthcheckOf('projector')[3]).toContain(`'http://127.0.0.1:${projector.projectorHealthPort}/health/ready'`);
  });

  it('publishes the api only, and starts both processes once the databases are healthy', () => {
    expect(compose.services.api!.ports).toEqual(['3000:3000']);
    expect(compose.services.projector!.ports).toBeUndefined();
    for (const service of ['api', 'projector'])
      expect(compose.services[service]!.depends_on).toEqual({
        kurrentdb: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
      });
  });

  it('takes the PostgreSQL password from .env, the one the platform connects with, and keeps other secrets from the database', () => {
    const raw = parse(composeYaml, { merge: true }) as { services: { postgres: { environment: Env } } };
    expect(raw.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    const postgres = serviceEnvironment(compose.services.postgres!, readEnvFile);
    const url = new URL(environmentOf('api').DATABASE_URL!);
    expect(postgres).toMatchObject({
      POSTGRES_USER: url.username,
      POSTGRES_PASSWORD: url.password,
      POSTGRES_DB: url.pathname.slice(1),
    });
    expect(compose.services.postgres!.env_file).toBeUndefined();
  });

  it('does not start without the secrets of .env', () => {
    const { POSTGRES_PASSWORD: _password, ...withoutPassword } = dotenv;
    expect(() => loadComposeFile(composeYaml, withoutPassword)).toThrow(/POSTGRES_PASSWORD/);
    const withoutSecret = { ...environmentOf('api'), JWT_SECRET: '' };
    expect(() => loadConfig(withoutSecret)).toThrow('JWT_SECRET is required in production');
  });

  it('refuses to start on the placeholder secret of .env.example', () => {
    const placeholder = { ...environmentOf('api'), JWT_SECRET: envOf(example).JWT_SECRET! };
    expect(() => loadConfig(placeholder)).toThrow(/JWT_SECRET is still the placeholder of \.env\.example/);
  });
});

describe('compose interpolation as modelled here', () => {
  it('substitutes, defaults and refuses like docker-compose', () => {
    const vars = { SET: 'x', EMPTY: '' };
    expect(interpolate('a${SET}b$SET $$SET', vars)).toBe('axbx $SET');
    expect(interpolate('${UNSET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d}', vars)).toBe('d d  d');
    expect(() => interpolate('${EMPTY:?say why}', vars)).toThrow('say why');
    expect(interpolate('${EMPTY?fine}', vars)).toBe('');
    expect(() => interpolate('${oops', vars)).toThrow('Invalid interpolation');
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('skips lifecycle scripts in every npm ci (the prepare script needs sources copied later)', () => {
    const installs = dockerfile.split('\n').filter((line) => /\bnpm ci\b/.test(line));
    expect(installs.length).toBeGreaterThanOrEqual(2);
    for (const line of installs) expect(line).toContain('--ignore-scripts');
    expect(dockerfile).toMatch(/\bnpm ci --omit=dev\b/);
  });

  it('checks readiness with node (no curl in the slim image) and runs as the unprivileged node user', () => {
    const [command, flag, script] = dockerfileHealthcheck(dockerfile);
    expect([command, flag]).toEqual(['node', '-e']);
    expect(script).toContain('/health/ready');
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('keeps local state and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', 'data', '.git', '.env']) expect(ignored).toContain(entry);
  });
});
