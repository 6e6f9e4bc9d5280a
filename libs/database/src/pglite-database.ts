import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { HeldLock, SqlDatabase, SqlExecutor } from './database.js';
import { emptyClusterImage } from './pglite-empty-cluster.js';

/**
 * PostgreSQL's memory defaults (128 MB of shared buffers, 64 MB per index build) suit a server with
 * memory of its own. Here they are this process's WebAssembly memory, which never shrinks, and the
 * data files are read through the operating system's page cache anyway. Measured with bench:replay
 * (every projection rebuilt over 1M events, the embedded default's peak RSS): 717 MB with the
 * defaults, 595 and 622 MB with these, at the same rebuild rate and asOf latency within the runs' noise.
 */
const MEMORY_SETTINGS = ['shared_buffers=16MB', 'maintenance_work_mem=8MB'];
/** How the platform starts PGlite (also the benchmark's own instances, so they measure the same database). */
export const PGLITE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams,
  ...MEMORY_SETTINGS.flatMap((setting) => ['-c', setting]),
];

/**
 * PGlite (PostgreSQL compiled to WebAssembly) in this process. One connection only: PGlite
 * queues statements itself, and a transaction holds it exclusively until it ends.
 */
export class PgliteDatabase implements SqlDatabase {
  readonly dialect = 'pglite' as const;

  private constructor(private readonly db: PGlite) {}

  /**
   * `dataDir` undefined keeps everything in memory (tests, benchmarks); a path persists on disk.
   * A new cluster, in memory or on disk, starts from the image of an empty one
   * (pglite-empty-cluster.ts) rather than running initdb in this process: the API started on a new
   * DATA_DIR peaked at 914-935 MB resident with initdb, at 480-499 MB from the image.
   */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const initialised = dataDir !== undefined && existsSync(join(dataDir, 'PG_VERSION'));
    return new PgliteDatabase(
      await PGlite.create({
        dataDir,
        startParams: [...PGLITE_START_PARAMS],
        ...(initialised ? {} : { loadDataDir: await emptyClusterImage() }),
      }),
    );
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.db.query<Row>(sql, params as unknown[]);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  copyIn(table: string, columns: readonly string[], rows: string): Promise<void> {
    return copyInto(this.db, table, columns, rows);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      work({
        query: async <Row>(sql: string, params: readonly unknown[] = []) =>
          (await tx.query<Row>(sql, params as unknown[])).rows,
        exec: async (sql: string) => {
          await tx.exec(sql);
        },
        copyIn: (table: string, columns: readonly string[], rows: string) => copyInto(tx, table, columns, rows),
      }),
    );
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    // PGlite runs in this process: its notifications cannot be lost to a dropped connection.
    return this.db.listen(channel, onNotify);
  }

  private readonly locks = new Set<string>();

  async tryLock(key: string): Promise<HeldLock | null> {
    if (this.locks.has(key)) return null;
    this.locks.add(key);
    return {
      lost: new Promise<void>(() => undefined),
      release: async () => {
        this.locks.delete(key);
      },
    };
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

/** COPY through PGlite (or one of its transactions): it reads the blob passed with the statement as `/dev/blob`. */
async function copyInto(
  target: Pick<Transaction, 'query'>,
  table: string,
  columns: readonly string[],
  rows: string,
): Promise<void> {
  await target.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([rows]) });
}
