import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { UNIQUE_VIOLATION, type HeldLock, type SqlDatabase, type SqlExecutor } from './database.js';

export interface PgDatabaseOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
  /** Tables live in this schema (created if missing); tests use one schema per suite. */
  readonly schema?: string;
  readonly applicationName?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** PostgreSQL through a `pg` connection pool, plus one dedicated connection for LISTEN. */
export class PgDatabase implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  private listener: pg.Client | null = null;
  private readonly channels = new Map<string, Set<{ onNotify: (payload: string) => void; onReconnect?: () => void }>>();
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly options: PgDatabaseOptions,
  ) {}

  static async open(options: PgDatabaseOptions): Promise<PgDatabase> {
    if (options.schema !== undefined && !IDENTIFIER.test(options.schema)) {
      throw new Error(`Invalid schema name ${options.schema}`);
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 20,
      application_name: options.applicationName ?? 'coproduction-platform',
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      if (options.schema) await createSchema(pool, options.schema);
      else await pool.query('select 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PgDatabase(pool, options);
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.pool.query(sql, params as unknown[]);
    return result.rows as Row[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async copyIn(table: string, columns: readonly string[], rows: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await copyInto(client, table, columns, rows);
    } finally {
      client.release();
    }
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work({
        query: async <Row>(sql: string, params: readonly unknown[] = []) =>
          (await client.query(sql, params as unknown[])).rows as Row[],
        exec: async (sql: string) => {
          await client.query(sql);
        },
        copyIn: (table: string, columns: readonly string[], rows: string) => copyInto(client, table, columns, rows),
      });
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listen(
    channel: string,
    onNotify: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>> {
    if (!IDENTIFIER.test(channel)) throw new Error(`Invalid channel name ${channel}`);
    const entry = { onNotify, onReconnect };
    let subscribers = this.channels.get(channel);
    if (!subscribers) {
      subscribers = new Set();
      this.channels.set(channel, subscribers);
      const client = await this.listenerClient();
      await client.query(`listen ${channel}`);
    }
    subscribers.add(entry);
    return async () => {
      subscribers.delete(entry);
    };
  }

  private async listenerClient(): Promise<pg.Client> {
    if (this.listener) return this.listener;
    const client = new pg.Client({ connectionString: this.options.connectionString });
    client.on('notification', (message) => {
      for (const subscriber of this.channels.get(message.channel) ?? []) subscriber.onNotify(message.payload ?? '');
    });
    client.on('error', () => this.reconnectListener(client));
    client.on('end', () => this.reconnectListener(client));
    await client.connect();
    this.listener = client;
    return client;
  }

  /** A dropped LISTEN connection loses notifications: reconnect and let subscribers re-read. */
  private reconnectListener(failed: pg.Client): void {
    if (this.closed || this.listener !== failed) return;
    this.listener = null;
    failed.removeAllListeners();
    const retry = async (attempt: number): Promise<void> => {
      if (this.closed) return;
      try {
        const client = await this.listenerClient();
        for (const channel of this.channels.keys()) await client.query(`listen ${channel}`);
        for (const subscribers of this.channels.values()) for (const s of subscribers) s.onReconnect?.();
      } catch {
        this.listener = null;
        setTimeout(() => void retry(attempt + 1), Math.min(5_000, 100 * 2 ** attempt)).unref();
      }
    };
    void retry(0);
  }

  async tryLock(key: string): Promise<HeldLock | null> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: `${this.options.applicationName ?? 'coproduction-platform'}:lock`,
    });
    let signalLost!: () => void;
    const lost = new Promise<void>((resolve) => (signalLost = resolve));
    client.on('error', () => signalLost());
    client.on('end', () => signalLost());
    await client.connect();
    try {
      // Advisory locks are database-wide: scope the key to the schema, or two deployments sharing
      // one database in different schemas (parallel test suites) would share their leases.
      const scoped = this.options.schema ? `${this.options.schema}:${key}` : key;
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [
        scoped,
      ]);
      if (!rows[0]?.locked) {
        await client.end();
        return null;
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.heldLocks.add(client);
    return {
      lost,
      release: async () => {
        this.heldLocks.delete(client);
        client.removeAllListeners();
        // Ending the session releases its advisory locks.
        await client.end().catch(() => undefined);
      },
    };
  }

  private readonly heldLocks = new Set<pg.Client>();

  async close(): Promise<void> {
    this.closed = true;
    for (const client of this.heldLocks) {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
    }
    this.heldLocks.clear();
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      listener.removeAllListeners();
      await listener.end().catch(() => undefined);
    }
    await this.pool.end();
  }

  /** Drops the schema this database was opened on (tests clean up after themselves). */
  async dropSchema(): Promise<void> {
    if (this.options.schema) await this.pool.query(`drop schema if exists ${this.options.schema} cascade`);
  }

  /** Drops a schema another process (an API, a projector, a benchmark's store) created on the server at `url`. */
  static async dropSchemaAt(url: string, schema: string): Promise<void> {
    const database = await PgDatabase.open({ connectionString: url, schema, maxConnections: 1 });
    try {
      await database.dropSchema();
    } finally {
      await database.close();
    }
  }
}

/** COPY FROM STDIN through pg-copy-streams on `client`; a failed COPY rejects with the server's error. */
async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], rows: string): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  stream.end(rows);
  await finished(stream);
}

/** `create schema if not exists` still races with a concurrent creator; losing that race is fine. */
async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`create schema if not exists ${schema}`);
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
  }
}
