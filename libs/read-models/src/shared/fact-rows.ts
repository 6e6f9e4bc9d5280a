import { copyText, isPostgresError, UNIQUE_VIOLATION, type SqlExecutor } from '#database';

/**
 * How the append-only fact tables (signal facts, report facts, inventory facts, the audit trail)
 * are written: one row per event, keyed by the event's id, with its log position (as decimal text).
 * A batch is one COPY, the database's bulk path. An event already written is skipped, so a batch
 * replayed after a crash writes nothing twice: a COPY that meets such a row fails on the key, is
 * rolled back to its savepoint, and the batch goes again as one insert that skips what exists.
 */
export interface FactRowKey {
  readonly event_id: string;
  readonly pos_commit: string;
  readonly pos_prepare: string;
}

/** The first columns of every fact table's `create table`. */
export const FACT_KEY_COLUMNS = `event_id uuid primary key,
          pos_commit numeric(20, 0) not null,
          pos_prepare numeric(20, 0) not null`;

/**
 * A writer for a fact table whose other columns are `columns` (name → the type the JSON value is
 * read as: text, numeric, timestamptz, jsonb…).
 */
export function factRowsWriter<Row extends FactRowKey>(columns: Readonly<Record<string, string>>) {
  const typed = Object.entries({ event_id: 'uuid', pos_commit: 'numeric', pos_prepare: 'numeric', ...columns });
  const columnNames = typed.map(([name]) => name);
  const names = columnNames.join(', ');
  const definition = typed.map(([name, type]) => `${name} ${type}`).join(', ');
  const insertSkippingWritten = (tx: SqlExecutor, table: string, rows: readonly Row[]) =>
    tx.query(
      `insert into ${table} (${names})
       select ${names} from json_to_recordset($1::json) as r(${definition})
       on conflict (event_id) do nothing`,
      [JSON.stringify(rows)],
    );
  return async (tx: SqlExecutor, table: string, rows: readonly Row[]): Promise<void> => {
    if (rows.length === 0) return;
    await tx.exec('savepoint fact_rows');
    try {
      await tx.copyIn(table, columnNames, copyText(rows, typed));
    } catch (error) {
      if (!isPostgresError(error) || error.code !== UNIQUE_VIOLATION) throw error;
      await tx.exec('rollback to savepoint fact_rows');
      await insertSkippingWritten(tx, table, rows);
    }
    await tx.exec('release savepoint fact_rows');
  };
}
