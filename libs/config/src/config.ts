import { z } from 'zod';
import { HEAP_GROWING_PERCENT } from './heap.js';

/**
 * The whole runtime configuration, read from the environment once at boot. Each variable has
 * a message that names it and says what it expects, so a bad value stops the boot with one
 * clear line instead of a stack trace later.
 */
function integer(name: string, min: number, max: number) {
  const message = `${name} must be an integer from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

function flag(name: string) {
  return z.enum(['true', 'false'], { error: `${name} must be true or false` }).transform((v) => v === 'true');
}

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
    DATABASE_POOL_SIZE: integer('DATABASE_POOL_SIZE', 1, 200).optional(),
    KURRENTDB_CONNECTION_STRING: z
      .string()
      .regex(
        /^(kurrentdb|esdb|kdb)(\+discover)?:\/\/\S+$/,
        'KURRENTDB_CONNECTION_STRING must be a kurrentdb:// connection string',
      )
      .optional(),
    PORT: integer('PORT', 1, 65535),
    PROJECTOR_HEALTH_PORT: integer('PROJECTOR_HEALTH_PORT', 1, 65535),
    HOST: z.string().min(1, 'HOST must be an interface address such as 127.0.0.1 or 0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    }),
    PROJECTOR_BATCH_SIZE: integer('PROJECTOR_BATCH_SIZE', 1, 10_000),
    PROJECTOR_CATCH_UP_BATCH_SIZE: integer('PROJECTOR_CATCH_UP_BATCH_SIZE', 1, 50_000),
    PROJECTOR_LIVE_LINGER_MS: integer('PROJECTOR_LIVE_LINGER_MS', 0, 1_000),
    HEAP_GROWING_PERCENT: integer('HEAP_GROWING_PERCENT', 0, 300),
    PROJECTOR: z.enum(['inline', 'off'], {
      error: 'PROJECTOR must be inline (run projections in the API process) or off',
    }),
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters (HS256 signing secret)').optional(),
    JWT_PUBLIC_KEY_FILE: z.string().min(1, 'JWT_PUBLIC_KEY_FILE must be the path of a PEM public key').optional(),
    JWT_JWKS_FILE: z.string().min(1, 'JWT_JWKS_FILE must be the path of a JSON Web Key Set file').optional(),
    JWT_ISSUER: z.string().min(1, 'JWT_ISSUER must be the expected token issuer'),
    JWT_AUDIENCE: z.string().min(1, 'JWT_AUDIENCE must be the expected token audience'),
    TOKEN_TTL_SECONDS: integer('TOKEN_TTL_SECONDS', 60, 86_400),
    SMALL_GROUP_MIN_CARERS: integer('SMALL_GROUP_MIN_CARERS', 1, 1000),
    READ_RESULTS_KEPT: integer('READ_RESULTS_KEPT', 0, 100_000),
    GRAPHQL_MAX_DEPTH: integer('GRAPHQL_MAX_DEPTH', 2, 50),
    GRAPHQL_MAX_COMPLEXITY: integer('GRAPHQL_MAX_COMPLEXITY', 10, 1_000_000),
    GRAPHQL_MAX_ALIASES: integer('GRAPHQL_MAX_ALIASES', 1, 1000),
    REQUEST_BODY_LIMIT_BYTES: integer('REQUEST_BODY_LIMIT_BYTES', 1024, 50_000_000),
    OPERATION_TIMEOUT_MS: integer('OPERATION_TIMEOUT_MS', 100, 600_000),
    RATE_LIMIT_PER_MINUTE: integer('RATE_LIMIT_PER_MINUTE', 1, 1_000_000),
    EVENT_LOG_HOLD_LIMIT_SECONDS: integer('EVENT_LOG_HOLD_LIMIT_SECONDS', 1, 86_400),
    GRAPHQL_INTROSPECTION: flag('GRAPHQL_INTROSPECTION').optional(),
    GRAPHQL_LANDING_PAGE: flag('GRAPHQL_LANDING_PAGE').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.EVENT_STORE === 'postgres' && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'DATABASE_URL is required when EVENT_STORE=postgres',
      });
    }
    if (env.NODE_ENV === 'production' && env.JWT_SECRET?.startsWith('change-me')) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message:
          'JWT_SECRET is still the placeholder of .env.example: anyone could sign tokens with it; generate one with `openssl rand -base64 48`',
      });
    }
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'JWT_SECRET is required in production (it signs the tokens API keys are exchanged for)',
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

/** Every variable loadConfig reads; `.env.example` documents each one (a test keeps the two in step). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

const DEFAULTS = {
  NODE_ENV: 'development',
  EVENT_STORE: 'pglite',
  DATA_DIR: './data',
  PORT: '3000',
  PROJECTOR_HEALTH_PORT: '3001',
  PROJECTOR_BATCH_SIZE: '500',
  PROJECTOR_CATCH_UP_BATCH_SIZE: '5000',
  PROJECTOR_LIVE_LINGER_MS: '25',
  HEAP_GROWING_PERCENT: String(HEAP_GROWING_PERCENT),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  PROJECTOR: 'inline',
  JWT_ISSUER: 'coproduction-platform',
  JWT_AUDIENCE: 'coproduction-api',
  TOKEN_TTL_SECONDS: '900',
  SMALL_GROUP_MIN_CARERS: '5',
  READ_RESULTS_KEPT: '1000',
  GRAPHQL_MAX_DEPTH: '12',
  GRAPHQL_MAX_COMPLEXITY: '5000',
  GRAPHQL_MAX_ALIASES: '20',
  REQUEST_BODY_LIMIT_BYTES: '102400',
  OPERATION_TIMEOUT_MS: '30000',
  RATE_LIMIT_PER_MINUTE: '600',
  EVENT_LOG_HOLD_LIMIT_SECONDS: '30',
} as const;

export interface AppConfig {
  readonly environment: 'development' | 'production' | 'test';
  readonly eventStore:
    | { readonly kind: 'pglite'; readonly dataDir: string }
    | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string; readonly maxConnections?: number }
    | { readonly kind: 'kurrentdb'; readonly connectionString: string };
  /**
   * Read models always live in PostgreSQL or PGlite: beside the events on the embedded default,
   * in DATABASE_URL otherwise (PGlite under DATA_DIR when a KurrentDB deployment sets none).
   */
  readonly readModels:
    | { readonly kind: 'pglite'; readonly dataDir: string }
    | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string; readonly maxConnections?: number };
  readonly dataDir: string;
  readonly http: { readonly host: string; readonly port: number };
  /** The standalone projector serves only /health, on this port. */
  readonly projectorHealthPort: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly projector: 'inline' | 'off';
  /** Events per projection transaction. */
  readonly projectorBatchSize: number;
  /** Events per projection transaction while catching up on the shared read of the log. */
  readonly projectorCatchUpBatchSize: number;
  /** Under a burst of writes, how long a live projection waits to read several commands' events at once. */
  readonly projectorLiveLingerMs: number;
  /** How far V8's old generation may grow past what is alive before it collects (heap.ts); 0 leaves V8 to decide. */
  readonly heapGrowingPercent: number;
  readonly auth: AuthConfig;
  /** Aggregates over fewer carers than this are suppressed for roles that may not see individuals. */
  readonly smallGroupMinCarers: number;
  /** Computed signals and reports an API process keeps, each while its scope's facts stay the same (0: none). */
  readonly readResultsKept: number;
  readonly limits: ApiLimits;
  /**
   * An append transaction open longer than this holds the event log back for too long: a warning
   * in the logs and a failed readiness check (docs/event-store.md).
   */
  readonly eventLogHoldLimitSeconds: number;
}

export interface AuthConfig {
  /** HS256 secret: verifies tokens and signs those the platform issues (API-key exchange, dev tokens). */
  readonly secret?: string;
  /** PEM public key (RS256 or ES256) of an external identity provider. */
  readonly publicKeyFile?: string;
  /** JSON Web Key Set file of an external identity provider. */
  readonly jwksFile?: string;
  readonly issuer: string;
  readonly audience: string;
  /** Lifetime of the tokens the platform issues for API keys. */
  readonly tokenTtlSeconds: number;
}

export interface ApiLimits {
  readonly maxDepth: number;
  readonly maxComplexity: number;
  readonly maxAliases: number;
  readonly bodyLimitBytes: number;
  readonly operationTimeoutMs: number;
  readonly ratePerMinute: number;
  readonly introspection: boolean;
  readonly landingPage: boolean;
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
    // A secret is never echoed back, even a wrong one.
    const shown = got === undefined || variable.endsWith('SECRET') ? '' : ` (got "${got}")`;
    throw new ConfigError(`Configuration error: ${issue.message}${shown}`);
  }
  const e = parsed.data;
  // Each process opens two pools (events, read models); a server shared by many processes (tests,
  // replicas) may need them smaller than the default 20.
  const pool = e.DATABASE_POOL_SIZE ? { maxConnections: e.DATABASE_POOL_SIZE } : {};
  // The one PostgreSQL server of DATABASE_URL, as the events (EVENT_STORE=postgres) and the read
  // models (any store but the embedded one) both use it.
  const server = e.DATABASE_URL
    ? {
        kind: 'postgres' as const,
        url: e.DATABASE_URL,
        ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}),
        ...pool,
      }
    : null;
  const eventStore: AppConfig['eventStore'] =
    e.EVENT_STORE === 'postgres'
      ? server!
      : e.EVENT_STORE === 'kurrentdb'
        ? { kind: 'kurrentdb', connectionString: e.KURRENTDB_CONNECTION_STRING! }
        : { kind: 'pglite', dataDir: e.DATA_DIR };
  return {
    environment: e.NODE_ENV,
    eventStore,
    readModels: e.EVENT_STORE !== 'pglite' && server ? server : { kind: 'pglite', dataDir: e.DATA_DIR },
    dataDir: e.DATA_DIR,
    http: { host: e.HOST, port: e.PORT },
    projectorHealthPort: e.PROJECTOR_HEALTH_PORT,
    logLevel: e.LOG_LEVEL,
    projector: e.PROJECTOR,
    projectorBatchSize: e.PROJECTOR_BATCH_SIZE,
    projectorCatchUpBatchSize: e.PROJECTOR_CATCH_UP_BATCH_SIZE,
    projectorLiveLingerMs: e.PROJECTOR_LIVE_LINGER_MS,
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    auth: {
      ...(e.JWT_SECRET ? { secret: e.JWT_SECRET } : {}),
      ...(e.JWT_PUBLIC_KEY_FILE ? { publicKeyFile: e.JWT_PUBLIC_KEY_FILE } : {}),
      ...(e.JWT_JWKS_FILE ? { jwksFile: e.JWT_JWKS_FILE } : {}),
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    },
    smallGroupMinCarers: e.SMALL_GROUP_MIN_CARERS,
    readResultsKept: e.READ_RESULTS_KEPT,
    eventLogHoldLimitSeconds: e.EVENT_LOG_HOLD_LIMIT_SECONDS,
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxComplexity: e.GRAPHQL_MAX_COMPLEXITY,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      bodyLimitBytes: e.REQUEST_BODY_LIMIT_BYTES,
      operationTimeoutMs: e.OPERATION_TIMEOUT_MS,
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
      // Schema discovery and the sandbox page help development; production exposes them only on request.
      introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
      landingPage: e.GRAPHQL_LANDING_PAGE ?? e.NODE_ENV !== 'production',
    },
  };
}
