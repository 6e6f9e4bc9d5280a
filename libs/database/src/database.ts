/**
 * The small SQL surface the event store and the read models need, implemented once for the
 * `pg` driver and once for PGlite, so both run the same SQL through the same code path.
 */
export interface SqlExecutor {
  /** Runs one statement with bound parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Appends rows to `columns` of `table` through COPY: `rows` is COPY text (copy-text.ts), one
   * line a row. A row that breaks a constraint fails the whole COPY, and with it the transaction
   * (use a savepoint to recover).
   */
  copyIn(table: string, columns: readonly string[], rows: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly dialect: 'postgres' | 'pglite';
  /** Runs `work` in one transaction on one connection: it commits if `work` resolves, rolls back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Calls `onNotify` for every NOTIFY on `channel`, and `onReconnect` after a lost listener came back. */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /**
   * Tries to take a lock named `key` that lasts while this process holds it: a PostgreSQL
   * session advisory lock on a dedicated connection (released when the process dies), or an
   * in-process lock on PGlite (one process per data directory anyway). Null when held elsewhere.
   */
  tryLock(key: string): Promise<HeldLock | null>;
  close(): Promise<void>;
}

export interface HeldLock {
  /** Resolves if the lock is lost (its connection dropped): the holder must stop its work. */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

/** The fields of a PostgreSQL error both drivers expose. */
export interface PostgresErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
  message: string;
}

/** SQLSTATE of a unique or primary key violation. */
export const UNIQUE_VIOLATION = '23505';

export function isPostgresError(error: unknown): error is PostgresErrorFields {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
