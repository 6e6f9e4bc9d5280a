import type { SqlExecutor } from '#database';

/**
 * How the append-only fact tables (signal facts, report facts, the audit trail) are written: one
 * row per event, keyed by the event's id, with its log position. A batch is one multi-row insert
 * from a JSON array (positions as decimal text: bigints do not survive JSON), and an event
 * already written is skipped, so a batch replayed after a crash writes nothing twice.
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
  const typed = { event_id: 'uuid', pos_commit: 'numeric', pos_prepare: 'numeric', ...columns };
  const names = Object.keys(typed).join(', ');
  const definition = Object.entries(typed)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  return async (tx: SqlExecutor, table: string, rows: readonly Row[]): Promise<void> => {
    if (rows.length === 0) return;
    await tx.query(
      `insert into ${table} (${names})
       select ${names} from json_to_recordset($1::json) as r(${definition})
       on conflict (event_id) do nothing`,
      [JSON.stringify(rows)],
    );
  };
}
