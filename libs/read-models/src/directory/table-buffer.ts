import type { SqlExecutor } from '#database';
import type { Columns, NumericColumn, RowOf, TableDef } from './table.js';

interface Pending {
  readonly key: Readonly<Record<string, unknown>>;
  /** An event created (or re-created) the row: insert it when it does not exist yet. */
  create: boolean;
  /** Columns set by the batch, last write wins. */
  readonly set: Map<string, unknown>;
  /** Increments of numeric columns that the batch did not set. */
  readonly add: Map<string, number>;
  /** Values for columns that are still null (e.g. the first time something happened). */
  readonly init: Map<string, unknown>;
}

/**
 * Folds a batch of changes to one table in memory, then writes them set-based: at most one
 * INSERT (rows the batch creates) and one UPDATE (every other touched row) per table per batch,
 * whatever the number of events. Changes to the same row merge in log order.
 *
 * - `upsert` creates the row if it is missing, and sets the given columns either way;
 * - `patch` sets columns of an existing row (a row that does not exist stays absent);
 * - `add` increments counters;
 * - `setIfNull` sets columns that are still null (first occurrences).
 */
export class TableBuffer<C extends Columns, K extends keyof C & string> {
  private readonly pending = new Map<string, Pending>();

  constructor(readonly def: TableDef<C, K>) {}

  get size(): number {
    return this.pending.size;
  }

  upsert(key: Pick<RowOf<C>, K>, values: Partial<RowOf<C>> = {}): void {
    const entry = this.entry(key);
    entry.create = true;
    this.assign(entry, values);
  }

  patch(key: Pick<RowOf<C>, K>, values: Partial<RowOf<C>>): void {
    this.assign(this.entry(key), values);
  }

  setIfNull(key: Pick<RowOf<C>, K>, values: Partial<RowOf<C>>): void {
    const entry = this.entry(key);
    for (const [column, value] of Object.entries(values)) {
      if (value === undefined || value === null) continue;
      if (entry.set.has(column)) {
        if (entry.set.get(column) === null) entry.set.set(column, value);
      } else if (!entry.init.has(column)) {
        entry.init.set(column, value);
      }
    }
  }

  add(key: Pick<RowOf<C>, K>, deltas: Partial<Record<NumericColumn<C>, number>>): void {
    const entry = this.entry(key);
    for (const [column, delta] of Object.entries(deltas) as [string, number][]) {
      if (entry.set.has(column)) entry.set.set(column, Number(entry.set.get(column) ?? 0) + delta);
      else entry.add.set(column, (entry.add.get(column) ?? 0) + delta);
    }
  }

  async flush(tx: SqlExecutor, physical: string): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    this.pending.clear();
    const created = entries.filter((entry) => entry.create);
    const inserted = created.length > 0 ? await this.insert(tx, physical, created) : new Set<string>();
    const updates = entries.filter((entry) => !inserted.has(this.id(entry.key)));
    if (updates.length > 0) await this.update(tx, physical, updates);
  }

  private entry(key: Readonly<Record<string, unknown>>): Pending {
    const keyValues = Object.fromEntries(this.def.key.map((column) => [column, key[column]]));
    const id = this.id(keyValues);
    let entry = this.pending.get(id);
    if (!entry) {
      entry = { key: keyValues, create: false, set: new Map(), add: new Map(), init: new Map() };
      this.pending.set(id, entry);
    }
    return entry;
  }

  private assign(entry: Pending, values: Readonly<Record<string, unknown>>): void {
    for (const [column, value] of Object.entries(values)) {
      if (value === undefined || this.def.key.includes(column as K)) continue;
      if (!(column in this.def.columns)) throw new Error(`${this.def.name} has no column ${column}`);
      entry.set.set(column, value);
      entry.add.delete(column);
      entry.init.delete(column);
    }
  }

  private id(key: Readonly<Record<string, unknown>>): string {
    return JSON.stringify(this.def.key.map((column) => key[column]));
  }

  private recordType(columns: readonly string[], extra: readonly string[] = []): string {
    const typed = columns.map((column) => `${column} ${this.def.columns[column]!.type}`);
    return [...typed, ...extra].join(', ');
  }

  /** Inserts the rows the batch created; returns the keys that were new (a re-created row conflicts). */
  private async insert(tx: SqlExecutor, physical: string, entries: readonly Pending[]): Promise<Set<string>> {
    const columns = Object.keys(this.def.columns);
    const rows = entries.map((entry) => {
      const row: Record<string, unknown> = { ...entry.key };
      for (const column of columns) {
        if (column in row) continue;
        const base = entry.set.has(column)
          ? entry.set.get(column)
          : entry.init.has(column)
            ? entry.init.get(column)
            : this.def.columns[column]!.default;
        const delta = entry.add.get(column);
        row[column] = delta === undefined ? base : Number(base ?? 0) + delta;
      }
      return row;
    });
    const keys = this.def.key.join(', ');
    const returned = await tx.query<Record<string, unknown>>(
      `insert into ${physical} (${columns.join(', ')})
       select ${columns.join(', ')} from jsonb_to_recordset($1::jsonb) as x(${this.recordType(columns)})
       on conflict (${keys}) do nothing
       returning ${keys}`,
      [JSON.stringify(rows)],
    );
    return new Set(returned.map((row) => this.id(row)));
  }

  /** One UPDATE for every other touched row: set columns take the batch's value, counters add up. */
  private async update(tx: SqlExecutor, physical: string, entries: readonly Pending[]): Promise<void> {
    const setColumns = new Set<string>();
    const initColumns = new Set<string>();
    const addColumns = new Set<string>();
    for (const entry of entries) {
      for (const column of entry.set.keys()) setColumns.add(column);
      for (const column of entry.init.keys()) initColumns.add(column);
      for (const column of entry.add.keys()) addColumns.add(column);
    }
    const touched = [...new Set([...setColumns, ...initColumns, ...addColumns])];
    if (touched.length === 0) return;
    const assignments = touched.map((column) => {
      const branches = [
        setColumns.has(column) ? `when x._set ? '${column}' then x.${column}` : '',
        initColumns.has(column) ? `when x._init ? '${column}' then coalesce(t.${column}, x.${column})` : '',
      ].filter((branch) => branch !== '');
      const kept = addColumns.has(column) ? `t.${column} + coalesce(x._add_${column}, 0)` : `t.${column}`;
      return branches.length > 0 ? `${column} = case ${branches.join(' ')} else ${kept} end` : `${column} = ${kept}`;
    });
    const rows = entries.map((entry) => {
      const row: Record<string, unknown> = { ...entry.key, _set: [...entry.set.keys()], _init: [...entry.init.keys()] };
      for (const [column, value] of entry.init) row[column] = value;
      for (const [column, value] of entry.set) row[column] = value;
      for (const [column, delta] of entry.add) row[`_add_${column}`] = delta;
      return row;
    });
    const valueColumns = [...new Set([...setColumns, ...initColumns])];
    const recordColumns = [...this.def.key, ...valueColumns.filter((column) => !this.def.key.includes(column as K))];
    const addTypes = [...addColumns].map((column) => `_add_${column} ${this.def.columns[column]!.type}`);
    await tx.query(
      `update ${physical} as t set ${assignments.join(', ')}
       from jsonb_to_recordset($1::jsonb) as x(${this.recordType(recordColumns, [...addTypes, '_set jsonb', '_init jsonb'])})
       where ${this.def.key.map((column) => `t.${column} = x.${column}`).join(' and ')}`,
      [JSON.stringify(rows)],
    );
  }
}
