import { z } from 'zod';

/**
 * The whole runtime configuration, read from the environment once at boot. Each variable has
 * a message that names it and says what it expects, so a bad value stops the boot with one
 * clear line instead of a stack trace later.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], {
      error: 'NODE_ENV must be one of development, production, test',
    }),
    EVENT_STORE: z.enum(['pglite', 'postgres', 'kurrentdb'], {
      error: 'EVENT_STORE must be one of pglite, postgres, kurrentdb',
    }),
    DATA_DIR: z.string({ error: 'DATA_DIR must be a directory path' }).min(1, 'DATA_DIR must be a directory path'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a postgres:// connection URL')
      .optional(),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_SCHEMA must be a lower-case PostgreSQL schema name')
      .optional(),
    KURRENTDB_CONNECTION_STRING: z
      .string()
      .regex(
        /^(kurrentdb|esdb|kdb)(\+discover)?:\/\/\S+$/,
        'KURRENTDB_CONNECTION_STRING must be a kurrentdb:// connection string',
      )
      .optional(),
    PORT: z.coerce
      .number({ error: 'PORT must be an integer from 1 to 65535' })
      .int('PORT must be an integer from 1 to 65535')
      .min(1, 'PORT must be an integer from 1 to 65535')
      .max(65535, 'PORT must be an integer from 1 to 65535'),
    PROJECTOR_HEALTH_PORT: z.coerce
      .number({ error: 'PROJECTOR_HEALTH_PORT must be an integer from 1 to 65535' })
      .int('PROJECTOR_HEALTH_PORT must be an integer from 1 to 65535')
      .min(1, 'PROJECTOR_HEALTH_PORT must be an integer from 1 to 65535')
      .max(65535, 'PROJECTOR_HEALTH_PORT must be an integer from 1 to 65535'),
    HOST: z.string().min(1, 'HOST must be an interface address such as 127.0.0.1 or 0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    }),
    PROJECTOR_BATCH_SIZE: z.coerce
      .number({ error: 'PROJECTOR_BATCH_SIZE must be an integer from 1 to 10000' })
      .int('PROJECTOR_BATCH_SIZE must be an integer from 1 to 10000')
      .min(1, 'PROJECTOR_BATCH_SIZE must be an integer from 1 to 10000')
      .max(10_000, 'PROJECTOR_BATCH_SIZE must be an integer from 1 to 10000'),
    PROJECTOR: z.enum(['inline', 'off'], {
      error: 'PROJECTOR must be inline (run projections in the API process) or off',
    }),
  })
  .superRefine((env, ctx) => {
    if (env.EVENT_STORE === 'postgres' && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'DATABASE_URL is required when EVENT_STORE=postgres',
      });
    }
    if (env.EVENT_STORE === 'kurrentdb' && !env.KURRENTDB_CONNECTION_STRING) {
      ctx.addIssue({
        code: 'custom',
        path: ['KURRENTDB_CONNECTION_STRING'],
        message: 'KURRENTDB_CONNECTION_STRING is required when EVENT_STORE=kurrentdb',
      });
    }
  });

const DEFAULTS = {
  NODE_ENV: 'development',
  EVENT_STORE: 'pglite',
  DATA_DIR: './data',
  PORT: '3000',
  PROJECTOR_HEALTH_PORT: '3001',
  PROJECTOR_BATCH_SIZE: '500',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  PROJECTOR: 'inline',
} as const;

export interface AppConfig {
  readonly environment: 'development' | 'production' | 'test';
  readonly eventStore:
    | { readonly kind: 'pglite'; readonly dataDir: string }
    | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string }
    | { readonly kind: 'kurrentdb'; readonly connectionString: string };
  /**
   * Read models always live in PostgreSQL or PGlite: beside the events on the embedded default,
   * in DATABASE_URL otherwise (PGlite under DATA_DIR when a KurrentDB deployment sets none).
   */
  readonly readModels:
    | { readonly kind: 'pglite'; readonly dataDir: string }
    | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };
  readonly dataDir: string;
  readonly http: { readonly host: string; readonly port: number };
  /** The standalone projector serves only /health, on this port. */
  readonly projectorHealthPort: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly projector: 'inline' | 'off';
  /** Events per projection transaction. */
  readonly projectorBatchSize: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError whose message is the single line to print. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? DEFAULTS[key as keyof typeof DEFAULTS] : value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = raw[variable];
    throw new ConfigError(`Configuration error: ${issue.message}${got === undefined ? '' : ` (got "${got}")`}`);
  }
  const e = parsed.data;
  const eventStore: AppConfig['eventStore'] =
    e.EVENT_STORE === 'postgres'
      ? { kind: 'postgres', url: e.DATABASE_URL!, ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}) }
      : e.EVENT_STORE === 'kurrentdb'
        ? { kind: 'kurrentdb', connectionString: e.KURRENTDB_CONNECTION_STRING! }
        : { kind: 'pglite', dataDir: e.DATA_DIR };
  return {
    environment: e.NODE_ENV,
    eventStore,
    readModels:
      e.EVENT_STORE !== 'pglite' && e.DATABASE_URL
        ? { kind: 'postgres', url: e.DATABASE_URL, ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}) }
        : { kind: 'pglite', dataDir: e.DATA_DIR },
    dataDir: e.DATA_DIR,
    http: { host: e.HOST, port: e.PORT },
    projectorHealthPort: e.PROJECTOR_HEALTH_PORT,
    logLevel: e.LOG_LEVEL,
    projector: e.PROJECTOR,
    projectorBatchSize: e.PROJECTOR_BATCH_SIZE,
  };
}
