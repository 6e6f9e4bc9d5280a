/**
 * The read-and-write ceiling: the plain read of the global log, plus writing the rows the
 * projections wrote, with `COPY`, into bare tables of the same columns.
 *
 * What is fair to compare a rebuild against? A rebuild must at least read the log once and write
 * its read models' final rows once. The cheapest way the engine could do that is this one: one
 * reader, the rows already known, and the bulk path of the database (`COPY`, no index, no
 * constraint but the NOT NULLs `like` copies, no upsert, no row written twice). So the ceiling:
 *
 * - reads the log exactly like the plain-read baseline (pages of 1,000 through the store, decoded);
 * - after each page, writes each table's share of its rows so far (rows × events read / events in
 *   the log), in the same process and connection-serial: read a page, then write what it is due,
 *   no overlap of reading and writing;
 * - a table's due rows are copied once at least `COPY_CHUNK_ROWS` of them are pending (so a table of
 *   a few hundred rows is not copied one row at a time), and whatever is left once the read ends;
 * - the COPYs after one page commit in one transaction (a rebuild commits once per batch);
 * - the bare tables are ordinary logged tables, as durable as the read models they stand for.
 *
 * The rows come from the read models the rebuild just wrote (`COPY (select * from view) TO`, in
 * text format, held in memory before the timer starts), so they have the real count, widths and
 * values. A rebuild cannot go faster than this ceiling without skipping part of that work.
 */
import { finished } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { PGLITE_START_PARAMS } from '#database';
import { START, type EventStore, type GlobalPosition } from '#event-store';

/** A table's due rows are copied once this many are pending (about one rebuild batch of the audit rows). */
const COPY_CHUNK_ROWS = 1_000;
const PAGE = 1_000;

/** The few statements the ceiling needs, on one connection to the read-model database. */
export interface BulkTarget {
  exec(sql: string): Promise<void>;
  count(table: string): Promise<number>;
  /** Every row of `source` (a table or view), in COPY text format: one line a row. */
  copyOut(source: string): Promise<Buffer>;
  /** Appends rows in COPY text format to `table`. */
  copyIn(table: string, rows: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL: its own `pg` client on the read-model schema, COPY through pg-copy-streams. */
export async function postgresTarget(connectionString: string, schema: string): Promise<BulkTarget> {
  const client = new pg.Client({
    connectionString,
    options: `-c search_path=${schema}`,
    application_name: 'bench-replay-ceiling',
  });
  await client.connect();
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    count: async (table) => Number((await client.query(`select count(*)::int as n from ${table}`)).rows[0].n),
    copyOut: async (source) => {
      const chunks: Buffer[] = [];
      for await (const chunk of client.query(copyTo(`copy (select * from ${source}) to stdout`))) {
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    },
    copyIn: async (table, rows) => {
      const stream = client.query(copyFrom(`copy ${table} from stdin`));
      stream.end(rows);
      await finished(stream);
    },
    close: () => client.end(),
  };
}

/** PGlite: its own instance on the read-model directory (one process, one instance a directory). */
export async function pgliteTarget(dataDir: string): Promise<BulkTarget> {
  const db = await PGlite.create({ dataDir, startParams: [...PGLITE_START_PARAMS] });
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    count: async (table) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n,
    copyOut: async (source) => {
      const result = await db.query(`copy (select * from ${source}) to '/dev/blob'`);
      return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
    },
    copyIn: async (table, rows) => {
      await db.query(`copy ${table} from '/dev/blob'`, [], { blob: new Blob([rows]) });
    },
    close: () => db.close(),
  };
}

interface HeldRows {
  readonly source: string;
  readonly bare: string;
  readonly data: Buffer;
  /** The offset just past each row's newline. */
  readonly ends: number[];
  written: number;
}

/** In COPY text format a newline inside a value is escaped (`\n`): every 0x0a byte ends a row. */
function rowEnds(data: Buffer): number[] {
  const ends: number[] = [];
  for (let at = data.indexOf(10); at >= 0; at = data.indexOf(10, at + 1)) ends.push(at + 1);
  return ends;
}

export interface CeilingResult {
  readonly events: number;
  readonly seconds: number;
  readonly rows: number;
  readonly bytes: number;
  readonly tables: number;
}

/**
 * Creates a bare copy of every read-model table in `sources` (the logical views the projections
 * wrote), loads their rows into memory, then times the read of the whole log plus the COPY of
 * those rows, interleaved as the read proceeds. `logEvents` is the size of the log (the plain
 * read's count), which apportions the rows to pages.
 */
export async function measureCeiling(
  store: EventStore,
  target: BulkTarget,
  sources: readonly string[],
  logEvents: number,
): Promise<CeilingResult> {
  const tables: HeldRows[] = [];
  for (const source of sources) {
    const bare = `ceiling_${source}`.slice(0, 63);
    // `like` copies the columns, their types and NOT NULLs only: no default, index, key or check.
    await target.exec(`drop table if exists ${bare}; create table ${bare} (like ${source})`);
    const data = await target.copyOut(source);
    tables.push({ source, bare, data, ends: rowEnds(data), written: 0 });
  }
  const start = (table: HeldRows, row: number) => (row === 0 ? 0 : table.ends[row - 1]!);

  const started = process.hrtime.bigint();
  let after: GlobalPosition = START;
  let read = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE });
    read += page.events.length;
    after = page.resumeAfter;
    const done = page.caughtUp;
    const copies: Array<{ table: HeldRows; upTo: number }> = [];
    for (const table of tables) {
      const total = table.ends.length;
      const due = done ? total : Math.min(total, Math.floor((total * read) / logEvents));
      const pending = due - table.written;
      if (pending >= COPY_CHUNK_ROWS || (done && pending > 0)) copies.push({ table, upTo: due });
    }
    if (copies.length > 0) {
      await target.exec('begin');
      for (const { table, upTo } of copies) {
        await target.copyIn(table.bare, table.data.subarray(start(table, table.written), start(table, upTo)));
        table.written = upTo;
      }
      await target.exec('commit');
    }
    if (done) break;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  for (const table of tables) {
    const landed = await target.count(table.bare);
    if (landed !== table.ends.length) {
      throw new Error(`Ceiling: ${table.bare} holds ${landed} rows, ${table.source} has ${table.ends.length}`);
    }
    await target.exec(`drop table ${table.bare}`);
  }
  return {
    events: read,
    seconds,
    rows: tables.reduce((sum, table) => sum + table.ends.length, 0),
    bytes: tables.reduce((sum, table) => sum + table.data.length, 0),
    tables: tables.length,
  };
}
